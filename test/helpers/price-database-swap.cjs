// Preloaded with `node --require` by tests of a damaged price database: `require("@pydantic/genai-prices")`
// loads the file named by ROILAB_TEST_PRICE_DATABASE instead (a copy laid out as the package is).
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "@pydantic/genai-prices" && process.env.ROILAB_TEST_PRICE_DATABASE) return process.env.ROILAB_TEST_PRICE_DATABASE;
  return resolve.call(this, request, ...rest);
};
