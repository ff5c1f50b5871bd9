// YAML files are imported as their text (esbuild's and vitest's `.yml` text loaders).
declare module "*.yml" {
  const text: string;
  export default text;
}
