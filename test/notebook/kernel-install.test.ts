import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import * as path from "node:path";
import { installKernel, jupyterDataDir, kernelSpec } from "../../src/notebook/kernel-install";
import { tslabBinary } from "../../src/notebook/kernel";

const temporary: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "roilab-kernel-install-"));
  temporary.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("jupyterDataDir", () => {
  it("uses JUPYTER_DATA_DIR when it is set, on any platform", () => {
    expect(jupyterDataDir({ JUPYTER_DATA_DIR: "/custom/jupyter", XDG_DATA_HOME: "/xdg" }, "linux")).toBe("/custom/jupyter");
    expect(jupyterDataDir({ JUPYTER_DATA_DIR: "/custom/jupyter" }, "darwin")).toBe("/custom/jupyter");
    expect(jupyterDataDir({ JUPYTER_DATA_DIR: "/custom/jupyter", APPDATA: "C:\\AppData" }, "win32")).toBe("/custom/jupyter");
  });

  it("uses XDG_DATA_HOME/jupyter on linux when XDG_DATA_HOME is set", () => {
    expect(jupyterDataDir({ XDG_DATA_HOME: "/home/ana/.data" }, "linux")).toBe(path.join("/home/ana/.data", "jupyter"));
  });

  it("falls back to ~/.local/share/jupyter on linux", () => {
    expect(jupyterDataDir({}, "linux")).toBe(path.join(homedir(), ".local", "share", "jupyter"));
  });

  it("uses ~/Library/Jupyter on macOS, ignoring XDG_DATA_HOME", () => {
    expect(jupyterDataDir({ XDG_DATA_HOME: "/xdg" }, "darwin")).toBe(path.join(homedir(), "Library", "Jupyter"));
  });

  it("uses APPDATA/jupyter on Windows", () => {
    expect(jupyterDataDir({ APPDATA: "/Users/ana/AppData/Roaming" }, "win32")).toBe(path.join("/Users/ana/AppData/Roaming", "jupyter"));
  });

  it("falls back to the roaming AppData folder in the home folder on Windows", () => {
    expect(jupyterDataDir({}, "win32")).toBe(path.join(homedir(), "AppData", "Roaming", "jupyter"));
  });
});

describe("kernelSpec", () => {
  it("starts the project's tslab with the running Node.js and passes the connection file", () => {
    const { argv } = kernelSpec();

    expect(argv[0]).toBe(process.execPath);
    expect(argv).toContain(tslabBinary());
    expect(argv).toContain("{connection_file}");
    expect(argv.indexOf(tslabBinary())).toBeLessThan(argv.indexOf("{connection_file}"));
  });

  it("points at a tslab binary that exists", () => {
    const binary = kernelSpec().argv.find((arg) => /tslab/.test(arg));
    expect(binary).toBeDefined();
    expect(existsSync(binary!)).toBe(true);
  });

  it("declares a TypeScript kernel interrupted by signal", () => {
    const spec = kernelSpec();

    expect(spec.language).toBe("typescript");
    expect(spec.interrupt_mode).toBe("signal");
    expect(spec.display_name).toBe("TypeScript");
  });
});

describe("installKernel", () => {
  it("writes PREFIX/share/jupyter/kernels/tslab/kernel.json with the kernel spec and returns its path", () => {
    const prefix = tempDir();
    const file = installKernel({ prefix });

    const expected = path.join(prefix, "share", "jupyter", "kernels", "tslab", "kernel.json");
    expect(file).toBe(expected);
    expect(existsSync(expected)).toBe(true);
    expect(JSON.parse(readFileSync(expected, "utf8"))).toEqual(kernelSpec());
  });

  it("writes under JUPYTER_DATA_DIR/kernels/tslab when no prefix is given", () => {
    const dataDir = tempDir();
    const file = installKernel({ env: { JUPYTER_DATA_DIR: dataDir } });

    const expected = path.join(dataDir, "kernels", "tslab", "kernel.json");
    expect(file).toBe(expected);
    expect(JSON.parse(readFileSync(expected, "utf8"))).toEqual(kernelSpec());
  });

  it("uses the prefix rather than the Jupyter data folder when both are given", () => {
    const prefix = tempDir();
    const dataDir = tempDir();
    const file = installKernel({ prefix, env: { JUPYTER_DATA_DIR: dataDir } });

    expect(file).toBe(path.join(prefix, "share", "jupyter", "kernels", "tslab", "kernel.json"));
    expect(existsSync(path.join(dataDir, "kernels"))).toBe(false);
  });

  it("replaces an existing kernel.json when installed again", () => {
    const prefix = tempDir();
    const first = installKernel({ prefix });
    const second = installKernel({ prefix });

    expect(second).toBe(first);
    expect(JSON.parse(readFileSync(second, "utf8"))).toEqual(kernelSpec());
  });
});
