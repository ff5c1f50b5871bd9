import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy
} from "./chunk-3G2GJLZM.js";
import "./chunk-MIVE57P5.js";
import "./chunk-ORKKH4HI.js";
import "./chunk-YN24AXXT.js";
export {
  clientSettings,
  endpointOf,
  ownEndpoint,
  profileRegion,
  retryStrategy
};
