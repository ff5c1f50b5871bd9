/** Reading a file the user named: regular files only, sizes checked before reading (SPEC §10). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  MAX_INPUT_BYTES,
  MAX_TEXT_BYTES,
  RefusedFileError,
  readRegularFile,
  readRegularFileBytes,
  readStreamText,
  showBytes,
} from "../src/read-file.js";
import { nodeSourceFiles } from "../src/sources/repo.js";
import { mkfifo, POSIX, sparseFile, unixSocket } from "./support/special-files.js";

const dir = mkdtempSync(join(tmpdir(), "kul-read-"));
const at = (name: string) => join(dir, name);
// The sparse files take no disk space, but look gigabytes large to whoever lists /tmp.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The refusal of `path`, or a failure of the test when it is read. */
async function refusal(path: string, maxBytes = MAX_INPUT_BYTES): Promise<RefusedFileError> {
  const error = await readRegularFile(path, maxBytes).then(
    () => new Error(`${path} was read`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefusedFileError);
  return error as RefusedFileError;
}

describe("readRegularFile", () => {
  it("reads a regular file as UTF-8", async () => {
    writeFileSync(at("plan.json"), '{"é": 1}\n');
    expect(await readRegularFile(at("plan.json"), MAX_INPUT_BYTES)).toBe('{"é": 1}\n');
  });

  it("reads a file at exactly the limit, and refuses one byte more before reading it", async () => {
    writeFileSync(at("ten"), "0123456789");
    expect(await readRegularFile(at("ten"), 10)).toBe("0123456789");
    const error = await refusal(at("ten"), 9);
    expect(error.code).toBe("EFBIG");
    expect(error.message).toBe("is 10 bytes, over the limit of 9 bytes for this kind of file");
  });

  it("reads the bytes once, undecoded, for inputs read piecewise; refused alike", async () => {
    const bytes = Buffer.from('\ufeff{"é": 1}\n', "utf8");
    writeFileSync(at("bytes.json"), bytes);
    expect((await readRegularFileBytes(at("bytes.json"), MAX_INPUT_BYTES)).equals(bytes)).toBe(
      true,
    );
    await expect(readRegularFileBytes(at("bytes.json"), 3)).rejects.toMatchObject({
      code: "EFBIG",
    });
  });

  it("passes on the Node error for a missing file", async () => {
    await expect(readRegularFile(at("missing"), 10)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses a directory", async () => {
    mkdirSync(at("a-dir"));
    const error = await refusal(at("a-dir"));
    expect(error.code).toBe("EISDIR");
  });

  it.runIf(POSIX)("refuses a FIFO with no writer at once, instead of waiting for one", async () => {
    mkfifo(at("plan.fifo"));
    const error = await refusal(at("plan.fifo"));
    expect(error.code).toBe("ENOTREG");
    expect(error.message).toMatch(/^is a named pipe \(FIFO\), not a regular file/);
  });

  it.runIf(POSIX).each([
    ["/dev/urandom", "a character device"],
    ["/dev/zero", "a character device"],
    ["/dev/null", "a character device"],
  ])("refuses %s (%s) without reading from it", async (path, kind) => {
    const error = await refusal(path);
    expect(error.message).toMatch(new RegExp(`^is ${kind}, not a regular file`));
  });

  it.runIf(POSIX)("refuses a Unix socket, naming it", async () => {
    const server = await unixSocket(at("s.sock"));
    try {
      expect((await refusal(at("s.sock"))).message).toMatch(/^is a socket, not a regular file/);
    } finally {
      server.close();
    }
  });

  it.runIf(POSIX)("refuses a file over the limit before reading any of it", async () => {
    // 3 GiB of hole: reading it would take seconds and then fail to become a string.
    sparseFile(at("huge.json"), 3 * 1024 ** 3);
    const error = await refusal(at("huge.json"));
    expect(error.message).toBe("is 3 GiB, over the limit of 2 GiB for this kind of file");
  });

  it.runIf(POSIX)(
    "refuses a file under the input limit that Node cannot hold as text, with its own reason",
    async () => {
      sparseFile(at("600m.json"), 600 * 1024 ** 2);
      const error = await refusal(at("600m.json"));
      expect(error.code).toBe("EFBIG");
      expect(error.message).toBe(
        `is 600 MiB; Node.js cannot hold text longer than ${showBytes(MAX_TEXT_BYTES)}, so no input this large can be read`,
      );
      expect(showBytes(MAX_TEXT_BYTES)).toBe("512 MiB");
    },
  );

  it.runIf(process.platform === "linux")(
    "reads to the end of a file whose size says 0 (as /proc's do)",
    async () => {
      const text = await readRegularFile("/proc/self/status", MAX_INPUT_BYTES);
      expect(text).toMatch(/^Name:/);
    },
  );
});

describe("the repository's source files", () => {
  it.runIf(POSIX)("read a FIFO or a device as no file, never waiting on it", async () => {
    mkfifo(at("main.tf"));
    const files = nodeSourceFiles();
    expect(await files.readText(at("main.tf"))).toBeNull();
    expect(await files.readText("/dev/zero")).toBeNull();
    expect(await files.list(at("main.tf"))).toBeNull();
  });
});

describe("showBytes", () => {
  it.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [1024 ** 2, "1 MiB"],
    [2 * 1024 ** 3, "2 GiB"],
  ])("%d → %s", (bytes, shown) => {
    expect(showBytes(bytes)).toBe(shown);
  });
});

describe("readStreamText (standard input)", () => {
  async function* chunks(...parts: string[]) {
    for (const part of parts) yield Buffer.from(part, "utf8");
  }
  async function* endless() {
    for (;;) yield Buffer.alloc(64 * 1024, 0x20);
  }

  it("joins the chunks as UTF-8, a character split between two chunks too", async () => {
    const euro = Buffer.from("€", "utf8");
    async function* split() {
      yield Buffer.concat([Buffer.from('{"a": "'), euro.subarray(0, 1)]);
      yield Buffer.concat([euro.subarray(1), Buffer.from('"}')]);
    }
    expect(await readStreamText(split(), 100, "standard input")).toBe('{"a": "€"}');
    expect(await readStreamText(chunks(), 100, "standard input")).toBe("");
  });

  it("refuses a stream past the limit as soon as it passes it, an endless one too", async () => {
    await expect(readStreamText(chunks("12345", "6"), 5, "standard input")).rejects.toMatchObject({
      code: "EFBIG",
      message: "standard input is over the limit of 5 bytes for this kind of input",
    });
    await expect(readStreamText(endless(), 1024 * 1024, "standard input")).rejects.toMatchObject({
      code: "EFBIG",
    });
  });
});
