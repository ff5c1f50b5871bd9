import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  attemptTimeoutMs,
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy
} from "./chunk-TDX35GJA.js";
import "./chunk-MIVE57P5.js";
import "./chunk-ORKKH4HI.js";
import "./chunk-YN24AXXT.js";
export {
  attemptTimeoutMs,
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy
};
