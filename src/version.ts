import packageJson from "../package.json" with { type: "json" };

/** Name and version as the reports print them, from package.json at build time. */
export const TOOL = { name: "kms-usage-lint", version: packageJson.version } as const;
