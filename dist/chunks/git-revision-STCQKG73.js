import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  gitMergeBase,
  gitRevisionFiles
} from "./chunk-NRC5HQYQ.js";
import "./chunk-YN24AXXT.js";
export {
  gitMergeBase,
  gitRevisionFiles
};
