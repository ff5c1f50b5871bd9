import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy,
  sharedAgents
} from "./chunk-UXRJ5B73.js";
import "./chunk-MIVE57P5.js";
import "./chunk-ORKKH4HI.js";
import "./chunk-YN24AXXT.js";
export {
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy,
  sharedAgents
};
