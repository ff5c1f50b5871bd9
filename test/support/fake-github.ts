/**
 * A fake GitHub REST API for tests of the reporting sinks: an HTTP server on 127.0.0.1 that the
 * real `@octokit/rest` reaches through `baseUrl`, so authentication, `Link` pagination, error
 * parsing and rate-limit headers all take the real client path.
 *
 * It serves check runs, pull request files, review comments and reviews, issue comments,
 * repository contents and `GET /user`; it validates requests the way GitHub does (the limits
 * and 422 shapes a sink must survive), records every request and answers queued faults.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";

// A test never needs more; the bound keeps a runaway client from filling memory.
const MAX_BODY_BYTES = 10 * 1024 * 1024;
// GitHub rejects more than 50 annotations in one Checks API request.
const MAX_ANNOTATIONS = 50;
// Checks API limits: output.summary and output.text 65535 characters, an annotation's message
// 64 KB, its title 255 characters.
const MAX_OUTPUT_CHARS = 65_535;
const MAX_MESSAGE_BYTES = 65_535;
const MAX_TITLE_CHARS = 255;
// GitHub refuses issue comment bodies over 65536 characters.
const MAX_COMMENT_CHARS = 65_536;
// A page holds 30 items unless `per_page` asks for more, and never more than 100.
const PER_PAGE = { default: 30, max: 100 };
// The primary rate limit of an authenticated client, per hour.
const RATE_LIMIT = 5000;
/** The ref `GET contents` reads when the request names none. */
export const DEFAULT_BRANCH = "main";

const DOCS = "https://docs.github.com/rest";
const RATE_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api`;
const SHA = /^[0-9a-f]{40}$/i;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const WRITES = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const STATUSES = "queued in_progress completed waiting requested pending".split(" ");
const CONCLUSIONS =
  "action_required cancelled failure neutral success skipped stale timed_out".split(" ");
const LEVELS = ["notice", "warning", "failure"];
const SIDES = ["LEFT", "RIGHT"];
/** A review's `event` → the `state` GitHub answers with. */
const REVIEW_STATES: Record<string, string> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

/** The side of a diff a review comment sits on: LEFT the old file, RIGHT the new. */
export type Side = "LEFT" | "RIGHT";

/** A GitHub account: `type` is `Bot` for an App's installation (`github-actions[bot]`). */
export interface FakeUser {
  login: string;
  type: "Bot" | "User";
  id: number;
}

/** What a token may do. */
export interface TokenSpec {
  user: FakeUser;
  /** False for a read-only token, such as a fork pull request's `GITHUB_TOKEN`. */
  canWrite: boolean;
  /** False for an installation token (`GITHUB_TOKEN`): `GET /user` answers 403. */
  userEndpoint: boolean;
}

/** One request the fake received, whatever it answered. */
export interface RecordedRequest {
  method: string;
  /** The pathname as sent (still percent-encoded), without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
}

/** A canned answer for the next `times` (default 1) requests matching `method` and `path`. */
export interface Fault {
  /** Default: any method. */
  method?: string;
  /** Matched against the pathname as sent. */
  path: string | RegExp;
  status: number;
  /** Merged over the standard headers. */
  headers?: Record<string, string>;
  /** Default: GitHub's message for the status, rate limits told apart by the headers. */
  body?: unknown;
  times?: number;
}

/** A file of a pull request. Without `patch` (binary, too large) it has no commentable lines. */
export interface PullFile {
  filename: string;
  status: string;
  patch?: string;
  additions?: number;
  deletions?: number;
  changes?: number;
  previous_filename?: string;
}

/** A pull request: its number, commits and files (with their patches). */
export interface FakePull {
  number: number;
  headSha: string;
  baseSha: string;
  files: PullFile[];
}

/** A Checks API annotation, as sent. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

/** A check run as the fake holds it. */
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string; summary: string; text?: string };
  /** Every annotation of the create and each update, in order, as GitHub appends them. */
  annotations: Annotation[];
  /** How many updates (PATCH) the run has had. */
  updates: number;
}

/** An issue (or pull request conversation) comment as the fake holds it. */
export interface FakeIssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
}

/** A review comment (on a line of a pull request's diff) as the fake holds it. */
export interface FakeReviewComment {
  id: number;
  pull_number: number;
  body: string;
  path: string;
  line: number;
  side: Side;
  commit_id: string;
  user: FakeUser;
  /** The review the comment was posted with; null for a single comment. */
  review_id: number | null;
  /** Set for a multi-line comment. */
  start_line?: number;
  start_side?: Side;
  created_at?: string;
}

/** A pull request review as the fake holds it. */
export interface FakeReview {
  id: number;
  pull_number: number;
  body: string;
  /** As sent, or `PENDING` when the request named none. */
  event: string;
  commit_id: string;
  user: FakeUser;
}

type Body = Record<string, unknown>;
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Context = { n: number; query: Record<string, string>; body: Body; token: TokenSpec };
/** Where a review comment goes. */
type Place = { path: string; line: number; side: Side; start_line?: number; start_side?: Side };

/** An error answer, thrown by handlers. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const message = (text: string, docs = DOCS) => ({ message: text, documentation_url: docs });
const notFound = () => new HttpError(404, message("Not Found"));
// A request that breaks the endpoint's schema: 422 "Invalid request." and the reason.
const invalid = (reason: string) => new HttpError(422, message(`Invalid request.\n\n${reason}`));
const missing = (field: string) => invalid(`"${field}" wasn't supplied.`);
const failed = (resource: string, error: Body) =>
  new HttpError(422, { ...message("Validation Failed"), errors: [{ resource, ...error }] });
const unprocessable = (error: string) =>
  new HttpError(422, { ...message("Unprocessable Entity"), errors: [error] });
/** GitHub's timestamps: ISO 8601 in whole seconds. */
const timestamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
const hex = (bytes: number) => randomBytes(bytes).toString("hex").toUpperCase();

function text(body: Body, field: string, optional = false): string {
  const value = body[field];
  if (value === undefined && optional) return "";
  if (typeof value !== "string") throw missing(field);
  return value;
}

function lineNumber(body: Body, field: string): number {
  const value = body[field];
  if (value === undefined) throw missing(field);
  if (Number.isInteger(value) && (value as number) >= 1) return value as number;
  throw invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not a positive integer.`);
}

function oneOf<T extends string>(body: Body, field: string, allowed: readonly string[]): T {
  const value = body[field];
  if (value === undefined) throw missing(field);
  if (typeof value === "string" && allowed.includes(value)) return value as T;
  throw invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not a member of the enum.`);
}

function object(value: unknown, field: string): Body {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Body;
  throw invalid(`For 'properties/${field}', ${JSON.stringify(value)} is not an object.`);
}

function tooLong(length: number, max: number, unit = "characters"): void {
  if (length > max) throw invalid(`Only ${max} ${unit} are allowed; ${length} were supplied.`);
}

/** The lines a review comment may sit on, per side, read from a file's unified diff hunks. */
function commentableLines(patch: string | undefined): Record<Side, Set<number>> {
  const lines = { LEFT: new Set<number>(), RIGHT: new Set<number>() };
  let [oldLine, oldLeft, newLine, newLeft] = [0, 0, 0, 0];
  for (const row of (patch ?? "").split("\n")) {
    const hunk = HUNK.exec(row);
    if (hunk) {
      [oldLine, oldLeft, newLine, newLeft] = [1, 2, 3, 4].map((i) => Number(hunk[i] ?? 1)) as [
        number,
        number,
        number,
        number,
      ];
    } else if (row.startsWith("\\") || (oldLeft <= 0 && newLeft <= 0)) {
      // "\ No newline at end of file", or outside a hunk. Counting each hunk down, rather than
      // trusting the text, keeps a trailing newline from reading as one more context line.
    } else if (row.startsWith("+")) {
      lines.RIGHT.add(newLine++);
      newLeft--;
    } else if (row.startsWith("-")) {
      lines.LEFT.add(oldLine++);
      oldLeft--;
    } else {
      lines.LEFT.add(oldLine++);
      lines.RIGHT.add(newLine++);
      oldLeft--;
      newLeft--;
    }
  }
  return lines;
}

/** The place a review comment body asks for (`side` defaults to RIGHT, `start_side` to `side`). */
function place(body: Body): Place {
  const side = body.side === undefined ? "RIGHT" : oneOf<Side>(body, "side", SIDES);
  const where: Place = { path: text(body, "path"), line: lineNumber(body, "line"), side };
  if (body.start_line === undefined) return where;
  where.start_line = lineNumber(body, "start_line");
  where.start_side = body.start_side === undefined ? side : oneOf<Side>(body, "start_side", SIDES);
  return where;
}

/** The part of a comment's place GitHub cannot find in the pull's diff, if any. */
function unresolved(pull: FakePull, where: Place): "path" | "line" | "start_line" | undefined {
  const file = pull.files.find((candidate) => candidate.filename === where.path);
  if (!file) return "path";
  const lines = commentableLines(file.patch);
  if (!lines[where.side].has(where.line)) return "line";
  const { start_line: start, start_side: startSide = where.side } = where;
  if (start === undefined) return undefined;
  const before = startSide !== where.side || start < where.line;
  return before && lines[startSide].has(start) ? undefined : "start_line";
}

function annotation(value: unknown): Annotation {
  const a = object(value, "annotations");
  text(a, "path");
  const sameLine = lineNumber(a, "start_line") === lineNumber(a, "end_line");
  oneOf(a, "annotation_level", LEVELS);
  tooLong(Buffer.byteLength(text(a, "message")), MAX_MESSAGE_BYTES, "bytes");
  if (typeof a.title === "string") tooLong(a.title.length, MAX_TITLE_CHARS);
  if (!sameLine && (a.start_column !== undefined || a.end_column !== undefined)) {
    throw failed("CheckRun", {
      code: "custom",
      field: "annotations",
      message: "start_column and end_column may only be used when start_line equals end_line",
    });
  }
  return { ...a } as unknown as Annotation;
}

/** Validates a check run create or update; `conclusion` is the run's current one. */
function checkRunAnnotations(body: Body, conclusion: string | null): Annotation[] {
  if (body.status !== undefined) oneOf(body, "status", STATUSES);
  if (body.conclusion !== undefined && body.conclusion !== null) {
    oneOf(body, "conclusion", CONCLUSIONS);
  } else if (body.status === "completed" && conclusion === null) {
    throw missing("conclusion");
  }
  if (body.output === undefined) return [];
  const output = object(body.output, "output");
  tooLong(text(output, "summary").length, MAX_OUTPUT_CHARS);
  text(output, "title");
  if (typeof output.text === "string") tooLong(output.text.length, MAX_OUTPUT_CHARS);
  const annotations = output.annotations ?? [];
  if (!Array.isArray(annotations)) throw invalid("For 'properties/annotations', not an array.");
  if (annotations.length > MAX_ANNOTATIONS) {
    throw invalid(
      `For 'properties/annotations', ${annotations.length} items exceed the maximum of ${MAX_ANNOTATIONS}.`,
    );
  }
  return annotations.map(annotation);
}

function commentBody(body: Body): string {
  const value = text(body, "body");
  if (value === "") throw failed("IssueComment", { code: "missing_field", field: "body" });
  if (value.length <= MAX_COMMENT_CHARS) return value;
  throw failed("IssueComment", {
    code: "custom",
    field: "body",
    message: `body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`,
  });
}

/** GitHub's error body for a fault's status; rate limits are told apart by their headers. */
function faultBody(status: number, headers: Record<string, string>): unknown {
  if (status === 403 && headers["x-ratelimit-remaining"] === "0") {
    return message("API rate limit exceeded for installation.", RATE_DOCS);
  }
  if ((status === 403 || status === 429) && headers["retry-after"] !== undefined) {
    const wait = "Please wait a few minutes before you try again.";
    return message(`You have exceeded a secondary rate limit. ${wait}`, RATE_DOCS);
  }
  return message(STATUS_CODES[status] ?? "Error");
}

function lowerCaseKeys(record: Record<string, string | string[] | undefined>) {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value !== undefined) lower[name.toLowerCase()] = [value].flat().join(", ");
  }
  return lower;
}

/** The body as text; undefined when it is over the size limit (the rest is read and dropped). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8");
}

/**
 * A fake GitHub REST API serving one repository, on an ephemeral port of 127.0.0.1. Its state
 * arrays are public so tests can read and adjust them; ids come from one counter, so add objects
 * through the API or the seed methods rather than pushing them.
 */
export class FakeGithub {
  /** `http://127.0.0.1:PORT`, for Octokit's `baseUrl`. */
  readonly url: string;
  /** Every request, in arrival order, whatever it was answered. */
  readonly requests: RecordedRequest[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly issueComments: FakeIssueComment[] = [];
  readonly reviewComments: FakeReviewComment[] = [];
  readonly reviews: FakeReview[] = [];

  private readonly tokens = new Map<string, TokenSpec>();
  private readonly pulls = new Map<number, FakePull>();
  /** `ref\npath` → file text. */
  private readonly contents = new Map<string, string>();
  private readonly faults: Array<{ fault: Fault; remaining: number }> = [];
  private latency: { ms: number; methods: ReadonlySet<string>; path?: RegExp } = {
    ms: 0,
    methods: WRITES,
  };
  /** Answers held back by the latency, released (unanswered) by close(). */
  private readonly delayed = new Set<() => void>();
  // One primary rate-limit window for all tokens: tests look at the headers, not the quota.
  private readonly rateReset = Math.floor(Date.now() / 1000) + 3600;
  private rateRemaining = RATE_LIMIT;
  private nextId = 1;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly owner: string,
    readonly repo: string,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on("request", (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Starts a fake serving `owner/repo` (default `acme/infra`). */
  static async start(options: { owner?: string; repo?: string } = {}): Promise<FakeGithub> {
    const server = createServer();
    // Idle keep-alive sockets must not keep the test process alive after close().
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return new FakeGithub(server, options.owner ?? "acme", options.repo ?? "infra");
  }

  /** Accepts `token` (as `token X` or `Bearer X`) for the user and permissions of `spec`. */
  addToken(token: string, spec: TokenSpec): void {
    this.tokens.set(token, spec);
  }

  /** Adds (or replaces) a pull request, the target of files, reviews and review comments. */
  addPull(pull: FakePull): void {
    this.pulls.set(pull.number, pull);
  }

  /** The text `GET contents/{path}?ref=` answers with (`ref` compared as given). */
  setContent(ref: string, path: string, text: string): void {
    this.contents.set(`${ref}\n${path.replace(/^\/+/, "")}`, text);
  }

  /** Queues a fault; faults are tried in the order queued, before normal handling. */
  fail(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.times ?? 1 });
  }

  /**
   * Holds every request of `methods` (default: the writes) whose pathname matches
   * `path` (default: any) for `ms` before it takes effect and is answered, as a slow
   * GitHub does. A client that gives up meanwhile does not undo it: the write still
   * happens, as it would on GitHub. 0 ends the latency.
   */
  setLatency(ms: number, match: { methods?: readonly string[]; path?: RegExp } = {}): void {
    const methods = new Set((match.methods ?? [...WRITES]).map((m) => m.toUpperCase()));
    this.latency = { ms, methods, ...(match.path ? { path: match.path } : {}) };
  }

  /** Seed an existing comment as if written by `user` (e.g. a human pasting our marker). */
  seedIssueComment(issue: number, body: string, user: FakeUser): void {
    this.addIssueComment(issue, body, user);
  }

  /** Seed a review comment outside any review, on the pull's head commit. */
  seedReviewComment(c: {
    pull_number: number;
    body: string;
    path: string;
    line: number;
    side: Side;
    user: FakeUser;
  }): void {
    const commit = this.pulls.get(c.pull_number)?.headSha ?? "0".repeat(40);
    const comment = { ...c, id: this.nextId++, commit_id: commit, review_id: null };
    this.reviewComments.push({ ...comment, created_at: timestamp() });
  }

  /** Stops listening and ends open keep-alive connections. */
  async close(): Promise<void> {
    for (const release of this.delayed) release();
    this.delayed.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // --- the HTTP exchange ----------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req).catch(() => null);
    if (raw === null) return; // the client went away mid-body
    const url = new URL(req.url ?? "/", this.url);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: lowerCaseKeys(req.headers),
      body,
    };
    this.requests.push(request);
    const { ms, methods, path } = this.latency;
    if (ms > 0 && methods.has(request.method) && (path?.test(request.path) ?? true)) {
      if (!(await this.delay(ms))) return;
    }
    let answer: Answer;
    try {
      if (raw === undefined) throw new HttpError(413, message("Payload too large"));
      answer = this.fault(request) ?? this.answer(request, !raw || body !== undefined);
    } catch (error) {
      // A fake's bug still gets an answer, so the client under test fails loudly, not by timeout.
      answer =
        error instanceof HttpError
          ? { status: error.status, body: error.body }
          : { status: 500, body: message(`fake-github: ${String(error)}`) };
    }
    this.send(res, answer);
  }

  /** Resolves true after `ms`, or false when close() comes first. */
  private delay(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.delayed.delete(release);
        resolve(true);
      }, ms);
      this.delayed.add(release);
    });
  }

  private send(res: ServerResponse, answer: Answer): void {
    if (res.destroyed) return;
    this.rateRemaining = Math.max(0, this.rateRemaining - 1);
    const json =
      answer.body === undefined || answer.status === 204 ? "" : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(this.rateRemaining),
      "x-ratelimit-reset": String(this.rateReset),
      "x-ratelimit-used": String(RATE_LIMIT - this.rateRemaining),
      "x-ratelimit-resource": "core",
      "x-github-request-id": `${hex(2)}:${hex(3)}:${hex(3)}:${hex(3)}:${hex(4)}`,
      ...answer.headers,
      "content-length": String(Buffer.byteLength(json)),
    });
    res.end(json);
  }

  private fault(request: RecordedRequest): Answer | undefined {
    const index = this.faults.findIndex(({ fault }) => {
      if (fault.method && fault.method.toUpperCase() !== request.method) return false;
      return typeof fault.path === "string"
        ? fault.path === request.path
        : fault.path.test(request.path);
    });
    const active = this.faults[index];
    if (!active) return undefined;
    if (--active.remaining <= 0) this.faults.splice(index, 1);
    const headers = lowerCaseKeys(active.fault.headers ?? {});
    const { status, body = faultBody(status, headers) } = active.fault;
    return { status, headers, body };
  }

  private answer(request: RecordedRequest, parsed: boolean): Answer {
    const scheme = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    const token = this.tokens.get(scheme?.[1] ?? "");
    if (!token) {
      throw new HttpError(401, message(scheme ? "Bad credentials" : "Requires authentication"));
    }
    if (!parsed) throw new HttpError(400, message("Problems parsing JSON"));
    const [method, path] = [request.method, request.path];
    if (path === "/user" && method === "GET") return this.user(token);
    const repo = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(path);
    const route = repo?.[3] ?? "";
    const handler = this.routes.find(([m, pattern]) => m === method && pattern.test(route))?.[2];
    // GitHub's owner and repository names are case-insensitive.
    const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
    if (!handler || !same(repo?.[1], this.owner) || !same(repo?.[2], this.repo)) throw notFound();
    if (WRITES.has(method) && !token.canWrite) {
      throw new HttpError(403, message("Resource not accessible by integration"));
    }
    const body = request.body === undefined ? {} : object(request.body, "body");
    const n = Number(/\/(\d+)(?:\/|$)/.exec(route)?.[1]);
    return handler({ n, query: request.query, body, token }, route);
  }

  /** Method, path under `/repos/{owner}/{repo}`, handler. */
  private readonly routes: Array<[string, RegExp, (c: Context, route: string) => Answer]> = [
    ["POST", /^\/check-runs$/, (c) => this.createCheckRun(c)],
    ["PATCH", /^\/check-runs\/\d+$/, (c) => this.updateCheckRun(c)],
    [
      "GET",
      /^\/pulls\/\d+\/files$/,
      (c, r) =>
        this.page(
          c,
          r,
          this.pull(c).files.map((f) => this.fileJson(f)),
        ),
    ],
    [
      "GET",
      /^\/pulls\/\d+\/comments$/,
      (c, r) => this.page(c, r, this.reviewCommentsOf(this.pull(c))),
    ],
    ["POST", /^\/pulls\/\d+\/comments$/, (c) => this.createReviewComment(c)],
    ["POST", /^\/pulls\/\d+\/reviews$/, (c) => this.createReview(c)],
    ["GET", /^\/issues\/\d+\/comments$/, (c, r) => this.page(c, r, this.issueCommentsOf(c.n))],
    ["POST", /^\/issues\/\d+\/comments$/, (c) => this.createIssueComment(c)],
    ["PATCH", /^\/issues\/comments\/\d+$/, (c) => this.updateIssueComment(c)],
    ["DELETE", /^\/issues\/comments\/\d+$/, (c) => this.deleteIssueComment(c)],
    ["GET", /^\/contents\/.+$/, (c, r) => this.content(c, r.slice("/contents/".length))],
  ];

  // --- handlers -------------------------------------------------------------------------------

  private user(token: TokenSpec): Answer {
    if (token.userEndpoint) return { status: 200, body: this.userJson(token.user) };
    const docs = `${DOCS}/users/users#get-the-authenticated-user`;
    throw new HttpError(403, message("Resource not accessible by integration", docs));
  }

  private createCheckRun(c: Context): Answer {
    const name = text(c.body, "name");
    const headSha = text(c.body, "head_sha");
    if (!SHA.test(headSha)) {
      throw new HttpError(422, message(`No commit found for SHA: ${headSha}`));
    }
    const annotations = checkRunAnnotations(c.body, null);
    const run: FakeCheckRun = {
      id: this.nextId++,
      name,
      head_sha: headSha,
      status: "queued",
      conclusion: null,
      output: { title: "", summary: "" },
      annotations: [],
      updates: 0,
    };
    this.applyCheckRun(run, c.body, annotations);
    this.checkRuns.push(run);
    return { status: 201, body: this.checkRunJson(run) };
  }

  private updateCheckRun(c: Context): Answer {
    const run = this.checkRuns.find((candidate) => candidate.id === c.n);
    if (!run) throw notFound();
    this.applyCheckRun(run, c.body, checkRunAnnotations(c.body, run.conclusion));
    run.updates++;
    return { status: 200, body: this.checkRunJson(run) };
  }

  private applyCheckRun(run: FakeCheckRun, body: Body, annotations: Annotation[]): void {
    if (typeof body.name === "string") run.name = body.name;
    if (typeof body.status === "string") run.status = body.status;
    // GitHub: "Providing conclusion will automatically set the status parameter to completed."
    if (typeof body.conclusion === "string") {
      run.conclusion = body.conclusion;
      run.status = "completed";
    }
    if (body.output !== undefined) {
      const { title, summary, text: more } = body.output as FakeCheckRun["output"];
      run.output = { ...run.output, title, summary, ...(more === undefined ? {} : { text: more }) };
    }
    run.annotations.push(...annotations);
  }

  private pull(c: Context): FakePull {
    const pull = this.pulls.get(c.n);
    if (!pull) throw notFound();
    return pull;
  }

  private createReviewComment(c: Context): Answer {
    const pull = this.pull(c);
    const body = text(c.body, "body");
    const commit = text(c.body, "commit_id");
    const where = place(c.body);
    if (!SHA.test(commit)) {
      throw failed("PullRequestReviewComment", { code: "invalid", field: "commit_id" });
    }
    const field = unresolved(pull, where);
    if (field) {
      throw failed("PullRequestReviewComment", {
        code: "custom",
        field: `pull_request_review_thread.${field}`,
        message: "could not be resolved",
      });
    }
    const comment = this.addReviewComment(pull, c.token.user, commit, null, { ...where, body });
    return { status: 201, body: this.reviewCommentJson(comment) };
  }

  private createReview(c: Context): Answer {
    const pull = this.pull(c);
    const event =
      c.body.event === undefined ? "PENDING" : oneOf(c.body, "event", Object.keys(REVIEW_STATES));
    const body = text(c.body, "body", true);
    const commit = c.body.commit_id === undefined ? pull.headSha : text(c.body, "commit_id");
    if (!SHA.test(commit)) {
      throw failed("PullRequestReview", { code: "invalid", field: "commit_id" });
    }
    const raw = c.body.comments ?? [];
    if (!Array.isArray(raw)) throw invalid("For 'properties/comments', not an array.");
    // Every comment is placed before any is created: one bad line fails the whole review.
    const comments = raw.map((value) => {
      const comment = object(value, "comments");
      return { ...place(comment), body: text(comment, "body") };
    });
    for (const comment of comments) {
      const field = unresolved(pull, comment);
      if (field) throw unprocessable(`${field === "path" ? "Path" : "Line"} could not be resolved`);
    }
    if ((event === "REQUEST_CHANGES" || event === "COMMENT") && !body && comments.length === 0) {
      throw unprocessable(`Review body is required for a ${event} review without comments`);
    }
    const user = c.token.user;
    const review: FakeReview = {
      id: this.nextId++,
      pull_number: pull.number,
      body,
      event,
      commit_id: commit,
      user,
    };
    this.reviews.push(review);
    for (const comment of comments) this.addReviewComment(pull, user, commit, review.id, comment);
    return {
      status: 200,
      body: {
        id: review.id,
        node_id: `PRR_${review.id}`,
        user: this.userJson(user),
        body,
        state: REVIEW_STATES[event] ?? "PENDING",
        commit_id: commit,
        html_url: `${this.html}/pull/${pull.number}#pullrequestreview-${review.id}`,
        ...(event === "PENDING" ? {} : { submitted_at: timestamp() }),
      },
    };
  }

  private addReviewComment(
    pull: FakePull,
    user: FakeUser,
    commit: string,
    review: number | null,
    c: Place & { body: string },
  ): FakeReviewComment {
    const comment: FakeReviewComment = {
      ...c,
      id: this.nextId++,
      pull_number: pull.number,
      commit_id: commit,
      user,
      review_id: review,
      created_at: timestamp(),
    };
    this.reviewComments.push(comment);
    return comment;
  }

  private createIssueComment(c: Context): Answer {
    const comment = this.addIssueComment(c.n, commentBody(c.body), c.token.user);
    return { status: 201, body: this.issueCommentJson(comment) };
  }

  private addIssueComment(issue: number, body: string, user: FakeUser): FakeIssueComment {
    const now = timestamp();
    const comment = {
      id: this.nextId++,
      issue_number: issue,
      body,
      user,
      created_at: now,
      updated_at: now,
    };
    this.issueComments.push(comment);
    return comment;
  }

  /** Any writer may edit or delete any comment, as a repository admin can. */
  private issueComment(c: Context): FakeIssueComment {
    const comment = this.issueComments.find((candidate) => candidate.id === c.n);
    if (!comment) throw notFound();
    return comment;
  }

  private updateIssueComment(c: Context): Answer {
    const comment = this.issueComment(c);
    comment.body = commentBody(c.body);
    comment.updated_at = timestamp();
    return { status: 200, body: this.issueCommentJson(comment) };
  }

  private deleteIssueComment(c: Context): Answer {
    this.issueComments.splice(this.issueComments.indexOf(this.issueComment(c)), 1);
    return { status: 204 };
  }

  private content(c: Context, encoded: string): Answer {
    // Octokit sends `{path}` with its slashes encoded (%2F); other clients do not.
    let path: string;
    try {
      path = decodeURIComponent(encoded);
    } catch {
      throw notFound();
    }
    const ref = c.query.ref ?? DEFAULT_BRANCH;
    const file = this.contents.get(`${ref}\n${path}`);
    if (file === undefined) throw notFound();
    const bytes = Buffer.from(file, "utf8");
    const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    // GitHub wraps the base64 every 60 characters, each line ending in "\n".
    const content = (bytes.toString("base64").match(/.{1,60}/g) ?? [])
      .map((line) => `${line}\n`)
      .join("");
    const at = `${ref}/${encodeURI(path)}`;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: "base64",
        size: bytes.length,
        name: path.split("/").at(-1),
        path,
        content,
        sha,
        url: `${this.api}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`,
        html_url: `${this.html}/blob/${at}`,
        download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/${at}`,
      },
    };
  }

  /** One page of `items`, with GitHub's `Link` header pointing back at this server. */
  private page(c: Context, route: string, items: unknown[]): Answer {
    const count = (value: string | undefined, fallback: number) =>
      Number.isInteger(Number(value)) && Number(value) >= 1 ? Number(value) : fallback;
    const perPage = Math.min(count(c.query.per_page, PER_PAGE.default), PER_PAGE.max);
    const page = count(c.query.page, 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (to: number, rel: string) => {
      const query = new URLSearchParams({
        ...c.query,
        per_page: String(perPage),
        page: String(to),
      });
      return `<${this.api}${route}?${query}>; rel="${rel}"`;
    };
    const links = [
      ...(page > 1 ? [link(page - 1, "prev")] : []),
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
      ...(page > 1 ? [link(1, "first")] : []),
    ];
    const body = items.slice((page - 1) * perPage, page * perPage);
    return {
      status: 200,
      body,
      ...(links.length > 0 ? { headers: { link: links.join(", ") } } : {}),
    };
  }

  // --- JSON shapes ----------------------------------------------------------------------------

  private get api(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  private get html(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  private userJson(user: FakeUser): Body {
    const { login, id, type } = user;
    return { login, id, node_id: `${type === "Bot" ? "BOT" : "U"}_${id}`, type, site_admin: false };
  }

  private checkRunJson(run: FakeCheckRun): Body {
    const { id, name, head_sha, status, conclusion, output } = run;
    return {
      id,
      node_id: `CR_${id}`,
      name,
      head_sha,
      status,
      conclusion,
      url: `${this.api}/check-runs/${id}`,
      html_url: `${this.html}/runs/${id}`,
      output: {
        title: output.title || null,
        summary: output.summary || null,
        text: output.text ?? null,
        annotations_count: run.annotations.length,
        annotations_url: `${this.api}/check-runs/${id}/annotations`,
      },
      app: { slug: "github-actions" },
      pull_requests: [],
    };
  }

  private fileJson(file: PullFile): Body {
    const { additions = 0, deletions = 0 } = file;
    const sha = createHash("sha1").update(file.filename).digest("hex");
    return { sha, ...file, additions, deletions, changes: file.changes ?? additions + deletions };
  }

  private reviewCommentsOf(pull: FakePull): Body[] {
    const comments = this.reviewComments.filter((c) => c.pull_number === pull.number);
    return comments.map((c) => this.reviewCommentJson(c));
  }

  private reviewCommentJson(c: FakeReviewComment): Body {
    const { id, body, path, line, side, commit_id } = c;
    return {
      id,
      node_id: `PRRC_${id}`,
      body,
      path,
      line,
      side,
      commit_id,
      start_line: c.start_line ?? null,
      start_side: c.start_side ?? null,
      user: this.userJson(c.user),
      pull_request_review_id: c.review_id,
      created_at: c.created_at ?? null,
      html_url: `${this.html}/pull/${c.pull_number}#discussion_r${id}`,
    };
  }

  private issueCommentsOf(issue: number): Body[] {
    return this.issueComments
      .filter((c) => c.issue_number === issue)
      .map((c) => this.issueCommentJson(c));
  }

  private issueCommentJson(c: FakeIssueComment): Body {
    const { id, body, created_at, updated_at } = c;
    const kind = this.pulls.has(c.issue_number) ? "pull" : "issues";
    return {
      id,
      node_id: `IC_${id}`,
      body,
      user: this.userJson(c.user),
      created_at,
      updated_at,
      html_url: `${this.html}/${kind}/${c.issue_number}#issuecomment-${id}`,
      issue_url: `${this.api}/issues/${c.issue_number}`,
    };
  }
}
