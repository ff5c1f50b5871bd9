import packageJson from "../package.json" with { type: "json" };

/** Name and version as the reports print them, from package.json at build time. */
export const TOOL = { name: "kms-usage-lint", version: packageJson.version } as const;

/**
 * The tool's homepage (SARIF's `informationUri`): package.json's `homepage`, read in
 * this one place; until it names one, the package's page on npm.
 */
export const TOOL_HOMEPAGE =
  (packageJson as { homepage?: string }).homepage ??
  `https://www.npmjs.com/package/${packageJson.name}`;
