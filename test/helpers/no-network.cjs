// Preloaded with `node --require` by tests of offline commands: any attempt to reach the network throws.
const net = require("node:net");
const dns = require("node:dns");
const refuse = (what) => () => {
  throw new Error(`network disabled for this test: ${what}`);
};
net.Socket.prototype.connect = refuse("socket connect");
net.connect = net.createConnection = refuse("net.connect");
dns.lookup = refuse("dns.lookup");
dns.promises.lookup = refuse("dns.promises.lookup");
dns.resolve = refuse("dns.resolve");
for (const name of ["http", "https"]) {
  const mod = require(`node:${name}`);
  mod.request = mod.get = refuse(`${name}.request`);
}
globalThis.fetch = refuse("fetch");
