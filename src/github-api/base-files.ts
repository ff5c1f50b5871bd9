/**
 * Files of the pull request's base commit, read through the contents API, so
 * that `config-from-base` evaluates the rules the base branch has: a pull
 * request cannot weaken the check that judges it (the checkout holds its head).
 */
import { isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../model.js";
import type { GithubClient } from "./client.js";
import type { RepoRef } from "./context.js";
import { describeGithubError, githubStatus } from "./errors.js";

/** Reading and testing files, as the rules loader needs them. */
export interface FileReader {
  /** Rejects with an error whose `code` is `ENOENT` when the file does not exist. */
  readFile(path: string): Promise<string>;
  fileExists(path: string): Promise<boolean>;
}

export interface BaseFilesOptions {
  repo: RepoRef;
  /** The base commit. */
  ref: string;
  /** The checkout's root (`GITHUB_WORKSPACE`): paths are made relative to it. */
  workspace: string;
  /** The directory the run's relative paths start from (`working-directory`). */
  cwd: string;
}

/**
 * A reader of the base commit's files: a path as the run names it (relative to
 * `cwd`) is read at the same place in the base commit.
 */
export function baseFiles(client: GithubClient, options: BaseFilesOptions): FileReader {
  const read = async (path: string): Promise<string | null> => {
    const inRepo = relative(options.workspace, resolve(options.cwd, path)).replace(/\\/g, "/");
    if (inRepo === "" || inRepo === ".." || inRepo.startsWith("../") || isAbsolute(inRepo)) {
      throw new InputError(
        `config-from-base: ${path} is outside the repository, so it has no version in the base commit`,
      );
    }
    try {
      const { data } = await client.rest.repos.getContent({
        ...options.repo,
        path: inRepo,
        ref: options.ref,
      });
      if (Array.isArray(data) || data.type !== "file") {
        throw new InputError(`config-from-base: ${inRepo} is not a file in the base commit`);
      }
      // The contents API leaves files over 1 MB out (`encoding: "none"`); a rules file never is one.
      if (data.encoding !== "base64") {
        throw new InputError(`config-from-base: ${inRepo} in the base commit is too large to read`);
      }
      return Buffer.from(data.content, "base64").toString("utf8");
    } catch (error) {
      if (githubStatus(error) === 404) return null;
      if (error instanceof InputError) throw error;
      // Not the file's fault, but the run cannot go on without the base's rules:
      // evaluating the head's instead is what config-from-base exists to prevent.
      throw new InputError(
        describeGithubError(
          `config-from-base: reading ${inRepo} at the base commit ${options.ref.slice(0, 12)}`,
          error,
          "contents: read",
        ),
        null,
        null,
        { cause: error },
      );
    }
  };
  return {
    readFile: async (path) => {
      const text = await read(path);
      if (text === null) {
        throw Object.assign(
          new Error(`no such file in the base commit ${options.ref.slice(0, 12)}`),
          { code: "ENOENT" },
        );
      }
      return text;
    },
    fileExists: async (path) => (await read(path)) !== null,
  };
}
