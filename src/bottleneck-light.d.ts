// Bottleneck's light build (no Redis clustering), the one the Octokit plugins use: same API,
// typed by the package's main declaration.
declare module "bottleneck/light.js" {
  import Bottleneck from "bottleneck";
  export default Bottleneck;
}
