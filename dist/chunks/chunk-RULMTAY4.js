import { createRequire as __kulCreateRequire } from "node:module"; const require = __kulCreateRequire(import.meta.url);
import {
  EvaluationError,
  HOLE,
  MAX_INPUT_BYTES,
  MAX_VALUE_DEPTH,
  NAME_HOLE,
  ParameterOverrides,
  Shape,
  clip,
  describeFound,
  describeReadError,
  duplicateKeyError,
  evaluate,
  findRepoRoot,
  hasHole,
  own,
  parameterValues,
  parseJson,
  pathTo,
  pseudoParameters,
  repoRelative,
  unresolvedImport
} from "./chunk-AISGGNY6.js";
import {
  NOT_IN_SNAPSHOT,
  SEVERITIES,
  answerInstant,
  compareText,
  findKmsArns,
  findPartialKmsArns,
  instantMs,
  isAliasName,
  isJsonObject,
  isKeyId,
  isKmsAttributeName,
  keyArn,
  listWords,
  parseIsoTimestamp,
  parseKmsArn,
  partitionOf,
  plural,
  showValue
} from "./chunk-C34K5TY6.js";
import {
  InputError,
  NoInputsError
} from "./chunk-2FU6VLII.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-YN24AXXT.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar4(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar4;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar2 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar2.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar2.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar2.PLAIN = "PLAIN";
    Scalar2.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar2.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar2;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar2.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar2.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar2.Scalar.BLOCK_FOLDED ? false : type === Scalar2.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar2.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar2.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar2.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar2.Scalar.BLOCK_FOLDED:
          case Scalar2.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar2.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar2.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar2.Scalar.BLOCK_FOLDED || key.type === Scalar2.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar2.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar2.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair2(k, v);
    }
    var Pair2 = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair2;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar2 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap2 = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair2.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair2.Pair(pair, pair?.value);
        } else
          _pair = new Pair2.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar2.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair2.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap2;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap2 = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap2.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap2.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar2.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar2.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar2.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar2.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar2.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar2.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar2 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar2.Scalar.BLOCK_LITERAL);
        if (type !== Scalar2.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar2.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair2.Pair(new Scalar2.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair2.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair2.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap2 = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap2.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap2.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap2.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap2.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap2.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar2.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar2.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar2.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var YAMLMap2 = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap2.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair2.Pair(key.key, null);
        else
          pair = new Pair2.Pair(key, null);
        const prev = YAMLMap2.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap2.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap2.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair2.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair2.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair2.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search2) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search2));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair2 = require_Pair();
    var YAMLMap2 = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap2.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd2 = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd2 = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair2.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair2.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd2 && commentEnd2 < offset)
        onError(commentEnd2, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd2 ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd2 = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd2 = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd2 ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair2 = require_Pair();
    var YAMLMap2 = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap2.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair2.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap2.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var YAMLMap2 = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap2.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar2.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar2.Scalar.BLOCK_FOLDED : Scalar2.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar2.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar2 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar2.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar2.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar2 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar2.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar2.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar4 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar4;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair2 = require_Pair();
    var Scalar2 = require_Scalar();
    var YAMLMap2 = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair2.Pair;
    exports.Scalar = Scalar2.Scalar;
    exports.YAMLMap = YAMLMap2.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/facts/snapshot-formats.ts
var FACTS_FORMATS = {
  // The calendar-checked reading AWS answers get (answers.ts), not a looser regular expression.
  "date-time": {
    type: "string",
    validate: (text) => parseIsoTimestamp(text) !== null
  }
};

// src/string-length.ts
function ucs2length(text) {
  let length = 0;
  let pos = 0;
  while (pos < text.length) {
    length++;
    const unit = text.charCodeAt(pos++);
    if (unit >= 55296 && unit <= 56319 && pos < text.length) {
      if ((text.charCodeAt(pos) & 64512) === 56320) pos++;
    }
  }
  return length;
}

// src/facts/snapshot-validator.generated.js
var validateFacts = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "kms-usage-lint facts snapshot, version 1", "type": "object", "description": "a facts snapshot: {version: 1, capturedAt, account, keys, aliases, stacks, inventory}", "required": ["version", "capturedAt", "keys"], "additionalProperties": false, "properties": { "version": { "const": 1, "description": "1" }, "capturedAt": { "type": "string", "format": "date-time", "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)" }, "account": { "anyOf": [{ "type": "string", "pattern": "^\\d{12}$", "description": "a 12-digit account id" }, { "type": "null" }], "description": "a 12-digit account id" }, "keys": { "type": "object", "description": "an object keyed by key ARN", "propertyNames": { "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "description": "a key ARN" }, "additionalProperties": { "type": "object", "description": "an object with KeyMetadata, LastUsage, Errors and/or Trail", "additionalProperties": false, "minProperties": 1, "properties": { "CapturedAt": { "type": "string", "format": "date-time", "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)" }, "KeyMetadata": { "type": "object", "description": "DescribeKey's KeyMetadata, with KeyId, Arn, CreationDate, KeyState, Enabled and KeyManager", "required": ["KeyId", "Arn", "CreationDate", "KeyState", "Enabled", "KeyManager"], "properties": { "KeyId": { "type": "string" }, "Arn": { "type": "string", "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "description": "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)" }, "AWSAccountId": { "type": "string", "pattern": "^\\d{12}$", "description": "a 12-digit account id" }, "KeyState": { "type": "string" }, "Enabled": { "type": "boolean" }, "KeyManager": { "type": "string" }, "KeySpec": { "type": "string" }, "KeyUsage": { "type": "string" }, "Origin": { "type": "string" }, "CreationDate": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "DeletionDate": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "PendingDeletionWindowInDays": { "type": "integer", "minimum": 1 }, "MultiRegion": { "type": "boolean" }, "MultiRegionConfiguration": { "type": "object", "description": "DescribeKey's MultiRegionConfiguration", "properties": { "MultiRegionKeyType": { "enum": ["PRIMARY", "REPLICA"], "description": "PRIMARY or REPLICA" }, "PrimaryKey": { "type": "object", "description": "a multi-Region member: {Arn, Region}", "properties": { "Arn": { "type": "string", "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "description": "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)" }, "Region": { "type": "string" } }, "required": ["Arn"] }, "ReplicaKeys": { "type": "array", "items": { "type": "object", "description": "a multi-Region member: {Arn, Region}", "properties": { "Arn": { "type": "string", "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "description": "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)" }, "Region": { "type": "string" } }, "required": ["Arn"] }, "description": "a list of members" } } } } }, "LastUsage": { "type": "object", "description": "GetKeyLastUsage's answer, with TrackingStartDate and KeyCreationDate", "required": ["TrackingStartDate", "KeyCreationDate"], "properties": { "KeyId": { "type": "string" }, "KeyLastUsage": { "type": "object", "description": "the last use ({} when none was recorded)", "properties": { "Operation": { "type": "string" }, "Timestamp": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "CloudTrailEventId": { "type": "string" }, "KmsRequestId": { "type": "string" } }, "dependencies": { "Operation": ["Timestamp"], "CloudTrailEventId": ["Timestamp"], "KmsRequestId": ["Timestamp"] } }, "TrackingStartDate": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "KeyCreationDate": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] } } }, "Errors": { "type": "array", "items": { "type": "object", "description": "an error answer: {Operation, Code, Message}", "required": ["Operation", "Code", "Message"], "properties": { "Operation": { "type": "string" }, "Code": { "type": "string" }, "Message": { "type": "string" } } }, "description": "a list of errors" }, "Trail": { "type": "object", "description": "CloudTrail LookupEvents answers: {LookupAttributes, StartTime, EndTime, Truncated, Events}", "required": ["LookupAttributes", "StartTime", "EndTime", "Truncated", "Events"], "additionalProperties": false, "properties": { "LookupAttributes": { "type": "array", "description": "the one lookup attribute asked: [{AttributeKey: ResourceName, AttributeValue: key ARN}]", "minItems": 1, "maxItems": 1, "items": { "type": "object", "description": "a lookup attribute: {AttributeKey, AttributeValue}", "required": ["AttributeKey", "AttributeValue"], "properties": { "AttributeKey": { "type": "string" }, "AttributeValue": { "type": "string" } } } }, "StartTime": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "EndTime": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "Truncated": { "type": "boolean", "description": "true or false" }, "Events": { "type": "array", "description": "a list of CloudTrail events", "items": { "type": "object", "description": "a CloudTrail event: {EventId, EventName, EventTime, CloudTrailEvent, \u2026}", "required": ["EventId", "EventTime"], "properties": { "EventId": { "type": "string", "minLength": 1, "description": "an event id" }, "EventName": { "type": "string" }, "EventTime": { "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z), or epoch seconds as AWS sends them", "anyOf": [{ "type": "string", "format": "date-time" }, { "type": "number", "minimum": 0, "maximum": 864e10 }] }, "EventSource": { "type": "string" }, "Username": { "type": "string" }, "Resources": { "type": "array", "description": "a list of resources" }, "CloudTrailEvent": { "type": "string", "description": "the event record, as a JSON string" } } } } } } } } }, "aliases": { "type": "object", "description": "an object from alias ARN to key ARN", "propertyNames": { "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:alias/[a-zA-Z0-9/_-]{1,250}$", "description": "an alias ARN" }, "additionalProperties": { "type": "string", "pattern": "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "description": "a key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)" } }, "stacks": { "type": "object", "description": "an object keyed by StackName@region", "propertyNames": { "pattern": "^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\\d+$", "description": "a name of the form StackName@region" }, "additionalProperties": { "type": "object", "description": "a deployed stack: {account, resources: {LogicalId: physical id}, template}", "required": ["resources"], "properties": { "account": { "anyOf": [{ "type": "string", "pattern": "^\\d{12}$", "description": "a 12-digit account id" }, { "type": "null" }], "description": "a 12-digit account id" }, "resources": { "type": "object", "description": "an object from logical id to physical id", "additionalProperties": { "type": "string", "description": "a physical id" } }, "template": {} } } }, "inventory": { "type": "object", "description": "an inventory: {shards, pairs}", "required": ["shards", "pairs"], "additionalProperties": false, "properties": { "shards": { "type": "array", "minItems": 1, "items": { "type": "object", "description": "a shard: {index, count}, 1 \u2264 index \u2264 count \u2264 256", "required": ["index", "count"], "additionalProperties": false, "properties": { "index": { "type": "integer", "minimum": 1, "maximum": 256, "description": "a shard index 1\u2013256" }, "count": { "type": "integer", "minimum": 1, "maximum": 256, "description": "a shard count 1\u2013256" } } }, "description": "a non-empty list of shards" }, "pairs": { "type": "array", "items": { "type": "object", "description": "an inventory pair: {account, region, name?, status: read|unavailable, reason?, keys, capturedAt}", "required": ["account", "region", "status", "keys", "capturedAt"], "additionalProperties": false, "properties": { "account": { "type": "string", "pattern": "^\\d{12}$", "description": "a 12-digit account id" }, "region": { "type": "string", "pattern": "^[a-z]{2,4}(?:-[a-z]+)+-\\d+$", "description": "a region name" }, "name": { "type": "string", "description": "the account's name" }, "status": { "enum": ["read", "unavailable"], "description": "read or unavailable" }, "reason": { "type": "string", "minLength": 1, "description": "why the pair could not be read" }, "keys": { "type": "integer", "minimum": 0, "description": "the number of keys listed (0 or more)" }, "capturedAt": { "type": "string", "format": "date-time", "description": "an ISO 8601 date-time with a zone (2026-11-25T14:32:07Z)" } } }, "description": "a list of pairs" } } } } };
var formats0 = FACTS_FORMATS["date-time"];
var pattern0 = new RegExp("^\\d{12}$", "u");
var pattern1 = new RegExp("^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", "u");
var pattern6 = new RegExp("^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:alias/[a-zA-Z0-9/_-]{1,250}$", "u");
var pattern8 = new RegExp("^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\\d+$", "u");
var pattern11 = new RegExp("^[a-z]{2,4}(?:-[a-z]+)+-\\d+$", "u");
var func2 = ucs2length;
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.capturedAt === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "capturedAt" }, message: "must have required property 'capturedAt'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.keys === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keys" }, message: "must have required property 'keys'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "capturedAt" || key0 === "account" || key0 === "keys" || key0 === "aliases" || key0 === "stacks" || key0 === "inventory")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err4 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema11.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.capturedAt !== void 0) {
      let data1 = data.capturedAt;
      if (typeof data1 === "string") {
        if (!formats0.validate(data1)) {
          const err5 = { instancePath: instancePath + "/capturedAt", schemaPath: "#/properties/capturedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.capturedAt, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/capturedAt", schemaPath: "#/properties/capturedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.capturedAt.type, parentSchema: schema11.properties.capturedAt, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.account !== void 0) {
      let data2 = data.account;
      const _errs6 = errors;
      let valid1 = false;
      const _errs7 = errors;
      if (typeof data2 === "string") {
        if (!pattern0.test(data2)) {
          const err7 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/anyOf/0/pattern", keyword: "pattern", params: { pattern: "^\\d{12}$" }, message: 'must match pattern "^\\d{12}$"', schema: "^\\d{12}$", parentSchema: schema11.properties.account.anyOf[0], data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.account.anyOf[0].type, parentSchema: schema11.properties.account.anyOf[0], data: data2 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
      var _valid0 = _errs7 === errors;
      valid1 = valid1 || _valid0;
      if (!valid1) {
        const _errs9 = errors;
        if (data2 !== null) {
          const err9 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema11.properties.account.anyOf[1].type, parentSchema: schema11.properties.account.anyOf[1], data: data2 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        var _valid0 = _errs9 === errors;
        valid1 = valid1 || _valid0;
      }
      if (!valid1) {
        const err10 = { instancePath: instancePath + "/account", schemaPath: "#/properties/account/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.account.anyOf, parentSchema: schema11.properties.account, data: data2 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      } else {
        errors = _errs6;
        if (vErrors !== null) {
          if (_errs6) {
            vErrors.length = _errs6;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.keys !== void 0) {
      let data3 = data.keys;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          const _errs13 = errors;
          if (typeof key1 === "string") {
            if (!pattern1.test(key1)) {
              const err11 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/propertyNames/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", parentSchema: schema11.properties.keys.propertyNames, data: key1, propertyName: key1 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          }
          var valid2 = _errs13 === errors;
          if (!valid2) {
            const err12 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid", schema: schema11.properties.keys.propertyNames, parentSchema: schema11.properties.keys, data: data3 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        for (const key2 in data3) {
          let data4 = data3[key2];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (Object.keys(data4).length < 1) {
              const err13 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/keys/additionalProperties/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema11.properties.keys.additionalProperties, data: data4 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            for (const key3 in data4) {
              if (!(key3 === "CapturedAt" || key3 === "KeyMetadata" || key3 === "LastUsage" || key3 === "Errors" || key3 === "Trail")) {
                const err14 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/keys/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.keys.additionalProperties, data: data4 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data4.CapturedAt !== void 0) {
              let data5 = data4.CapturedAt;
              if (typeof data5 === "string") {
                if (!formats0.validate(data5)) {
                  const err15 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/CapturedAt", schemaPath: "#/properties/keys/additionalProperties/properties/CapturedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.CapturedAt, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err15];
                  } else {
                    vErrors.push(err15);
                  }
                  errors++;
                }
              } else {
                const err16 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/CapturedAt", schemaPath: "#/properties/keys/additionalProperties/properties/CapturedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.CapturedAt.type, parentSchema: schema11.properties.keys.additionalProperties.properties.CapturedAt, data: data5 };
                if (vErrors === null) {
                  vErrors = [err16];
                } else {
                  vErrors.push(err16);
                }
                errors++;
              }
            }
            if (data4.KeyMetadata !== void 0) {
              let data6 = data4.KeyMetadata;
              if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                if (data6.KeyId === void 0) {
                  const err17 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "KeyId" }, message: "must have required property 'KeyId'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                if (data6.Arn === void 0) {
                  const err18 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "Arn" }, message: "must have required property 'Arn'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err18];
                  } else {
                    vErrors.push(err18);
                  }
                  errors++;
                }
                if (data6.CreationDate === void 0) {
                  const err19 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "CreationDate" }, message: "must have required property 'CreationDate'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err19];
                  } else {
                    vErrors.push(err19);
                  }
                  errors++;
                }
                if (data6.KeyState === void 0) {
                  const err20 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "KeyState" }, message: "must have required property 'KeyState'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err20];
                  } else {
                    vErrors.push(err20);
                  }
                  errors++;
                }
                if (data6.Enabled === void 0) {
                  const err21 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "Enabled" }, message: "must have required property 'Enabled'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err21];
                  } else {
                    vErrors.push(err21);
                  }
                  errors++;
                }
                if (data6.KeyManager === void 0) {
                  const err22 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/required", keyword: "required", params: { missingProperty: "KeyManager" }, message: "must have required property 'KeyManager'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err22];
                  } else {
                    vErrors.push(err22);
                  }
                  errors++;
                }
                if (data6.KeyId !== void 0) {
                  let data7 = data6.KeyId;
                  if (typeof data7 !== "string") {
                    const err23 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/KeyId", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/KeyId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyId, data: data7 };
                    if (vErrors === null) {
                      vErrors = [err23];
                    } else {
                      vErrors.push(err23);
                    }
                    errors++;
                  }
                }
                if (data6.Arn !== void 0) {
                  let data8 = data6.Arn;
                  if (typeof data8 === "string") {
                    if (!pattern1.test(data8)) {
                      const err24 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/Arn/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Arn, data: data8 };
                      if (vErrors === null) {
                        vErrors = [err24];
                      } else {
                        vErrors.push(err24);
                      }
                      errors++;
                    }
                  } else {
                    const err25 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/Arn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Arn.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Arn, data: data8 };
                    if (vErrors === null) {
                      vErrors = [err25];
                    } else {
                      vErrors.push(err25);
                    }
                    errors++;
                  }
                }
                if (data6.AWSAccountId !== void 0) {
                  let data9 = data6.AWSAccountId;
                  if (typeof data9 === "string") {
                    if (!pattern0.test(data9)) {
                      const err26 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/AWSAccountId", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/AWSAccountId/pattern", keyword: "pattern", params: { pattern: "^\\d{12}$" }, message: 'must match pattern "^\\d{12}$"', schema: "^\\d{12}$", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.AWSAccountId, data: data9 };
                      if (vErrors === null) {
                        vErrors = [err26];
                      } else {
                        vErrors.push(err26);
                      }
                      errors++;
                    }
                  } else {
                    const err27 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/AWSAccountId", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/AWSAccountId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.AWSAccountId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.AWSAccountId, data: data9 };
                    if (vErrors === null) {
                      vErrors = [err27];
                    } else {
                      vErrors.push(err27);
                    }
                    errors++;
                  }
                }
                if (data6.KeyState !== void 0) {
                  let data10 = data6.KeyState;
                  if (typeof data10 !== "string") {
                    const err28 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/KeyState", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/KeyState/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyState.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyState, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
                if (data6.Enabled !== void 0) {
                  let data11 = data6.Enabled;
                  if (typeof data11 !== "boolean") {
                    const err29 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/Enabled", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/Enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Enabled.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Enabled, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err29];
                    } else {
                      vErrors.push(err29);
                    }
                    errors++;
                  }
                }
                if (data6.KeyManager !== void 0) {
                  let data12 = data6.KeyManager;
                  if (typeof data12 !== "string") {
                    const err30 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/KeyManager", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/KeyManager/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyManager.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyManager, data: data12 };
                    if (vErrors === null) {
                      vErrors = [err30];
                    } else {
                      vErrors.push(err30);
                    }
                    errors++;
                  }
                }
                if (data6.KeySpec !== void 0) {
                  let data13 = data6.KeySpec;
                  if (typeof data13 !== "string") {
                    const err31 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/KeySpec", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/KeySpec/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeySpec.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeySpec, data: data13 };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data6.KeyUsage !== void 0) {
                  let data14 = data6.KeyUsage;
                  if (typeof data14 !== "string") {
                    const err32 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/KeyUsage", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/KeyUsage/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyUsage.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.KeyUsage, data: data14 };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
                if (data6.Origin !== void 0) {
                  let data15 = data6.Origin;
                  if (typeof data15 !== "string") {
                    const err33 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/Origin", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/Origin/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Origin.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.Origin, data: data15 };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                if (data6.CreationDate !== void 0) {
                  let data16 = data6.CreationDate;
                  const _errs41 = errors;
                  let valid6 = false;
                  const _errs42 = errors;
                  if (typeof data16 === "string") {
                    if (!formats0.validate(data16)) {
                      const err34 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[0], data: data16 };
                      if (vErrors === null) {
                        vErrors = [err34];
                      } else {
                        vErrors.push(err34);
                      }
                      errors++;
                    }
                  } else {
                    const err35 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[0], data: data16 };
                    if (vErrors === null) {
                      vErrors = [err35];
                    } else {
                      vErrors.push(err35);
                    }
                    errors++;
                  }
                  var _valid1 = _errs42 === errors;
                  valid6 = valid6 || _valid1;
                  if (!valid6) {
                    const _errs44 = errors;
                    if (typeof data16 == "number" && isFinite(data16)) {
                      if (data16 > 864e10 || isNaN(data16)) {
                        const err36 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[1], data: data16 };
                        if (vErrors === null) {
                          vErrors = [err36];
                        } else {
                          vErrors.push(err36);
                        }
                        errors++;
                      }
                      if (data16 < 0 || isNaN(data16)) {
                        const err37 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[1], data: data16 };
                        if (vErrors === null) {
                          vErrors = [err37];
                        } else {
                          vErrors.push(err37);
                        }
                        errors++;
                      }
                    } else {
                      const err38 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf[1], data: data16 };
                      if (vErrors === null) {
                        vErrors = [err38];
                      } else {
                        vErrors.push(err38);
                      }
                      errors++;
                    }
                    var _valid1 = _errs44 === errors;
                    valid6 = valid6 || _valid1;
                  }
                  if (!valid6) {
                    const err39 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/CreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/CreationDate/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.CreationDate, data: data16 };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  } else {
                    errors = _errs41;
                    if (vErrors !== null) {
                      if (_errs41) {
                        vErrors.length = _errs41;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
                if (data6.DeletionDate !== void 0) {
                  let data17 = data6.DeletionDate;
                  const _errs47 = errors;
                  let valid7 = false;
                  const _errs48 = errors;
                  if (typeof data17 === "string") {
                    if (!formats0.validate(data17)) {
                      const err40 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[0], data: data17 };
                      if (vErrors === null) {
                        vErrors = [err40];
                      } else {
                        vErrors.push(err40);
                      }
                      errors++;
                    }
                  } else {
                    const err41 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[0], data: data17 };
                    if (vErrors === null) {
                      vErrors = [err41];
                    } else {
                      vErrors.push(err41);
                    }
                    errors++;
                  }
                  var _valid2 = _errs48 === errors;
                  valid7 = valid7 || _valid2;
                  if (!valid7) {
                    const _errs50 = errors;
                    if (typeof data17 == "number" && isFinite(data17)) {
                      if (data17 > 864e10 || isNaN(data17)) {
                        const err42 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[1], data: data17 };
                        if (vErrors === null) {
                          vErrors = [err42];
                        } else {
                          vErrors.push(err42);
                        }
                        errors++;
                      }
                      if (data17 < 0 || isNaN(data17)) {
                        const err43 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[1], data: data17 };
                        if (vErrors === null) {
                          vErrors = [err43];
                        } else {
                          vErrors.push(err43);
                        }
                        errors++;
                      }
                    } else {
                      const err44 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf[1], data: data17 };
                      if (vErrors === null) {
                        vErrors = [err44];
                      } else {
                        vErrors.push(err44);
                      }
                      errors++;
                    }
                    var _valid2 = _errs50 === errors;
                    valid7 = valid7 || _valid2;
                  }
                  if (!valid7) {
                    const err45 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/DeletionDate", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/DeletionDate/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.DeletionDate, data: data17 };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  } else {
                    errors = _errs47;
                    if (vErrors !== null) {
                      if (_errs47) {
                        vErrors.length = _errs47;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
                if (data6.PendingDeletionWindowInDays !== void 0) {
                  let data18 = data6.PendingDeletionWindowInDays;
                  if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
                    const err46 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/PendingDeletionWindowInDays", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/PendingDeletionWindowInDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.PendingDeletionWindowInDays.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.PendingDeletionWindowInDays, data: data18 };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                  if (typeof data18 == "number" && isFinite(data18)) {
                    if (data18 < 1 || isNaN(data18)) {
                      const err47 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/PendingDeletionWindowInDays", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/PendingDeletionWindowInDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.PendingDeletionWindowInDays, data: data18 };
                      if (vErrors === null) {
                        vErrors = [err47];
                      } else {
                        vErrors.push(err47);
                      }
                      errors++;
                    }
                  }
                }
                if (data6.MultiRegion !== void 0) {
                  let data19 = data6.MultiRegion;
                  if (typeof data19 !== "boolean") {
                    const err48 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegion", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegion/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegion.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegion, data: data19 };
                    if (vErrors === null) {
                      vErrors = [err48];
                    } else {
                      vErrors.push(err48);
                    }
                    errors++;
                  }
                }
                if (data6.MultiRegionConfiguration !== void 0) {
                  let data20 = data6.MultiRegionConfiguration;
                  if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
                    if (data20.MultiRegionKeyType !== void 0) {
                      let data21 = data20.MultiRegionKeyType;
                      if (!(data21 === "PRIMARY" || data21 === "REPLICA")) {
                        const err49 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/MultiRegionKeyType", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/MultiRegionKeyType/enum", keyword: "enum", params: { allowedValues: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.MultiRegionKeyType.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.MultiRegionKeyType.enum, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.MultiRegionKeyType, data: data21 };
                        if (vErrors === null) {
                          vErrors = [err49];
                        } else {
                          vErrors.push(err49);
                        }
                        errors++;
                      }
                    }
                    if (data20.PrimaryKey !== void 0) {
                      let data22 = data20.PrimaryKey;
                      if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                        if (data22.Arn === void 0) {
                          const err50 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/PrimaryKey", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/PrimaryKey/required", keyword: "required", params: { missingProperty: "Arn" }, message: "must have required property 'Arn'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey, data: data22 };
                          if (vErrors === null) {
                            vErrors = [err50];
                          } else {
                            vErrors.push(err50);
                          }
                          errors++;
                        }
                        if (data22.Arn !== void 0) {
                          let data23 = data22.Arn;
                          if (typeof data23 === "string") {
                            if (!pattern1.test(data23)) {
                              const err51 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/PrimaryKey/properties/Arn/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.properties.Arn, data: data23 };
                              if (vErrors === null) {
                                vErrors = [err51];
                              } else {
                                vErrors.push(err51);
                              }
                              errors++;
                            }
                          } else {
                            const err52 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/PrimaryKey/properties/Arn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.properties.Arn.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.properties.Arn, data: data23 };
                            if (vErrors === null) {
                              vErrors = [err52];
                            } else {
                              vErrors.push(err52);
                            }
                            errors++;
                          }
                        }
                        if (data22.Region !== void 0) {
                          let data24 = data22.Region;
                          if (typeof data24 !== "string") {
                            const err53 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/PrimaryKey/Region", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/PrimaryKey/properties/Region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.properties.Region.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.properties.Region, data: data24 };
                            if (vErrors === null) {
                              vErrors = [err53];
                            } else {
                              vErrors.push(err53);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err54 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/PrimaryKey", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/PrimaryKey/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.PrimaryKey, data: data22 };
                        if (vErrors === null) {
                          vErrors = [err54];
                        } else {
                          vErrors.push(err54);
                        }
                        errors++;
                      }
                    }
                    if (data20.ReplicaKeys !== void 0) {
                      let data25 = data20.ReplicaKeys;
                      if (Array.isArray(data25)) {
                        const len0 = data25.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data26 = data25[i0];
                          if (data26 && typeof data26 == "object" && !Array.isArray(data26)) {
                            if (data26.Arn === void 0) {
                              const err55 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/" + i0, schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/items/required", keyword: "required", params: { missingProperty: "Arn" }, message: "must have required property 'Arn'", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items, data: data26 };
                              if (vErrors === null) {
                                vErrors = [err55];
                              } else {
                                vErrors.push(err55);
                              }
                              errors++;
                            }
                            if (data26.Arn !== void 0) {
                              let data27 = data26.Arn;
                              if (typeof data27 === "string") {
                                if (!pattern1.test(data27)) {
                                  const err56 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/" + i0 + "/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/items/properties/Arn/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.properties.Arn, data: data27 };
                                  if (vErrors === null) {
                                    vErrors = [err56];
                                  } else {
                                    vErrors.push(err56);
                                  }
                                  errors++;
                                }
                              } else {
                                const err57 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/" + i0 + "/Arn", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/items/properties/Arn/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.properties.Arn.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.properties.Arn, data: data27 };
                                if (vErrors === null) {
                                  vErrors = [err57];
                                } else {
                                  vErrors.push(err57);
                                }
                                errors++;
                              }
                            }
                            if (data26.Region !== void 0) {
                              let data28 = data26.Region;
                              if (typeof data28 !== "string") {
                                const err58 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/" + i0 + "/Region", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/items/properties/Region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.properties.Region.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.properties.Region, data: data28 };
                                if (vErrors === null) {
                                  vErrors = [err58];
                                } else {
                                  vErrors.push(err58);
                                }
                                errors++;
                              }
                            }
                          } else {
                            const err59 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys/" + i0, schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.items, data: data26 };
                            if (vErrors === null) {
                              vErrors = [err59];
                            } else {
                              vErrors.push(err59);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err60 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration/ReplicaKeys", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/properties/ReplicaKeys/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.properties.ReplicaKeys, data: data25 };
                        if (vErrors === null) {
                          vErrors = [err60];
                        } else {
                          vErrors.push(err60);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err61 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata/MultiRegionConfiguration", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/properties/MultiRegionConfiguration/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.properties.MultiRegionConfiguration, data: data20 };
                    if (vErrors === null) {
                      vErrors = [err61];
                    } else {
                      vErrors.push(err61);
                    }
                    errors++;
                  }
                }
              } else {
                const err62 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/KeyMetadata", schemaPath: "#/properties/keys/additionalProperties/properties/KeyMetadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.KeyMetadata.type, parentSchema: schema11.properties.keys.additionalProperties.properties.KeyMetadata, data: data6 };
                if (vErrors === null) {
                  vErrors = [err62];
                } else {
                  vErrors.push(err62);
                }
                errors++;
              }
            }
            if (data4.LastUsage !== void 0) {
              let data29 = data4.LastUsage;
              if (data29 && typeof data29 == "object" && !Array.isArray(data29)) {
                if (data29.TrackingStartDate === void 0) {
                  const err63 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/required", keyword: "required", params: { missingProperty: "TrackingStartDate" }, message: "must have required property 'TrackingStartDate'", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.required, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage, data: data29 };
                  if (vErrors === null) {
                    vErrors = [err63];
                  } else {
                    vErrors.push(err63);
                  }
                  errors++;
                }
                if (data29.KeyCreationDate === void 0) {
                  const err64 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/required", keyword: "required", params: { missingProperty: "KeyCreationDate" }, message: "must have required property 'KeyCreationDate'", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.required, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage, data: data29 };
                  if (vErrors === null) {
                    vErrors = [err64];
                  } else {
                    vErrors.push(err64);
                  }
                  errors++;
                }
                if (data29.KeyId !== void 0) {
                  let data30 = data29.KeyId;
                  if (typeof data30 !== "string") {
                    const err65 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyId", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyId, data: data30 };
                    if (vErrors === null) {
                      vErrors = [err65];
                    } else {
                      vErrors.push(err65);
                    }
                    errors++;
                  }
                }
                if (data29.KeyLastUsage !== void 0) {
                  let data31 = data29.KeyLastUsage;
                  if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                    if (data31.Operation !== void 0) {
                      if (data31.Timestamp === void 0) {
                        const err66 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/dependencies", keyword: "dependencies", params: {
                          property: "Operation",
                          missingProperty: "Timestamp",
                          depsCount: 1,
                          deps: "Timestamp"
                        }, message: "must have property Timestamp when property Operation is present", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.dependencies, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage, data: data31 };
                        if (vErrors === null) {
                          vErrors = [err66];
                        } else {
                          vErrors.push(err66);
                        }
                        errors++;
                      }
                    }
                    if (data31.CloudTrailEventId !== void 0) {
                      if (data31.Timestamp === void 0) {
                        const err67 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/dependencies", keyword: "dependencies", params: {
                          property: "CloudTrailEventId",
                          missingProperty: "Timestamp",
                          depsCount: 1,
                          deps: "Timestamp"
                        }, message: "must have property Timestamp when property CloudTrailEventId is present", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.dependencies, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage, data: data31 };
                        if (vErrors === null) {
                          vErrors = [err67];
                        } else {
                          vErrors.push(err67);
                        }
                        errors++;
                      }
                    }
                    if (data31.KmsRequestId !== void 0) {
                      if (data31.Timestamp === void 0) {
                        const err68 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/dependencies", keyword: "dependencies", params: {
                          property: "KmsRequestId",
                          missingProperty: "Timestamp",
                          depsCount: 1,
                          deps: "Timestamp"
                        }, message: "must have property Timestamp when property KmsRequestId is present", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.dependencies, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage, data: data31 };
                        if (vErrors === null) {
                          vErrors = [err68];
                        } else {
                          vErrors.push(err68);
                        }
                        errors++;
                      }
                    }
                    if (data31.Operation !== void 0) {
                      let data32 = data31.Operation;
                      if (typeof data32 !== "string") {
                        const err69 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Operation", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Operation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Operation.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Operation, data: data32 };
                        if (vErrors === null) {
                          vErrors = [err69];
                        } else {
                          vErrors.push(err69);
                        }
                        errors++;
                      }
                    }
                    if (data31.Timestamp !== void 0) {
                      let data33 = data31.Timestamp;
                      const _errs82 = errors;
                      let valid16 = false;
                      const _errs83 = errors;
                      if (typeof data33 === "string") {
                        if (!formats0.validate(data33)) {
                          const err70 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[0], data: data33 };
                          if (vErrors === null) {
                            vErrors = [err70];
                          } else {
                            vErrors.push(err70);
                          }
                          errors++;
                        }
                      } else {
                        const err71 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[0], data: data33 };
                        if (vErrors === null) {
                          vErrors = [err71];
                        } else {
                          vErrors.push(err71);
                        }
                        errors++;
                      }
                      var _valid3 = _errs83 === errors;
                      valid16 = valid16 || _valid3;
                      if (!valid16) {
                        const _errs85 = errors;
                        if (typeof data33 == "number" && isFinite(data33)) {
                          if (data33 > 864e10 || isNaN(data33)) {
                            const err72 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[1], data: data33 };
                            if (vErrors === null) {
                              vErrors = [err72];
                            } else {
                              vErrors.push(err72);
                            }
                            errors++;
                          }
                          if (data33 < 0 || isNaN(data33)) {
                            const err73 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[1], data: data33 };
                            if (vErrors === null) {
                              vErrors = [err73];
                            } else {
                              vErrors.push(err73);
                            }
                            errors++;
                          }
                        } else {
                          const err74 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf[1], data: data33 };
                          if (vErrors === null) {
                            vErrors = [err74];
                          } else {
                            vErrors.push(err74);
                          }
                          errors++;
                        }
                        var _valid3 = _errs85 === errors;
                        valid16 = valid16 || _valid3;
                      }
                      if (!valid16) {
                        const err75 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/Timestamp", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/Timestamp/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.Timestamp, data: data33 };
                        if (vErrors === null) {
                          vErrors = [err75];
                        } else {
                          vErrors.push(err75);
                        }
                        errors++;
                      } else {
                        errors = _errs82;
                        if (vErrors !== null) {
                          if (_errs82) {
                            vErrors.length = _errs82;
                          } else {
                            vErrors = null;
                          }
                        }
                      }
                    }
                    if (data31.CloudTrailEventId !== void 0) {
                      let data34 = data31.CloudTrailEventId;
                      if (typeof data34 !== "string") {
                        const err76 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/CloudTrailEventId", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/CloudTrailEventId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.CloudTrailEventId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.CloudTrailEventId, data: data34 };
                        if (vErrors === null) {
                          vErrors = [err76];
                        } else {
                          vErrors.push(err76);
                        }
                        errors++;
                      }
                    }
                    if (data31.KmsRequestId !== void 0) {
                      let data35 = data31.KmsRequestId;
                      if (typeof data35 !== "string") {
                        const err77 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage/KmsRequestId", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/properties/KmsRequestId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.KmsRequestId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.properties.KmsRequestId, data: data35 };
                        if (vErrors === null) {
                          vErrors = [err77];
                        } else {
                          vErrors.push(err77);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err78 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyLastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyLastUsage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyLastUsage, data: data31 };
                    if (vErrors === null) {
                      vErrors = [err78];
                    } else {
                      vErrors.push(err78);
                    }
                    errors++;
                  }
                }
                if (data29.TrackingStartDate !== void 0) {
                  let data36 = data29.TrackingStartDate;
                  const _errs92 = errors;
                  let valid17 = false;
                  const _errs93 = errors;
                  if (typeof data36 === "string") {
                    if (!formats0.validate(data36)) {
                      const err79 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[0], data: data36 };
                      if (vErrors === null) {
                        vErrors = [err79];
                      } else {
                        vErrors.push(err79);
                      }
                      errors++;
                    }
                  } else {
                    const err80 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[0], data: data36 };
                    if (vErrors === null) {
                      vErrors = [err80];
                    } else {
                      vErrors.push(err80);
                    }
                    errors++;
                  }
                  var _valid4 = _errs93 === errors;
                  valid17 = valid17 || _valid4;
                  if (!valid17) {
                    const _errs95 = errors;
                    if (typeof data36 == "number" && isFinite(data36)) {
                      if (data36 > 864e10 || isNaN(data36)) {
                        const err81 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[1], data: data36 };
                        if (vErrors === null) {
                          vErrors = [err81];
                        } else {
                          vErrors.push(err81);
                        }
                        errors++;
                      }
                      if (data36 < 0 || isNaN(data36)) {
                        const err82 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[1], data: data36 };
                        if (vErrors === null) {
                          vErrors = [err82];
                        } else {
                          vErrors.push(err82);
                        }
                        errors++;
                      }
                    } else {
                      const err83 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf[1], data: data36 };
                      if (vErrors === null) {
                        vErrors = [err83];
                      } else {
                        vErrors.push(err83);
                      }
                      errors++;
                    }
                    var _valid4 = _errs95 === errors;
                    valid17 = valid17 || _valid4;
                  }
                  if (!valid17) {
                    const err84 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/TrackingStartDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/TrackingStartDate/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.TrackingStartDate, data: data36 };
                    if (vErrors === null) {
                      vErrors = [err84];
                    } else {
                      vErrors.push(err84);
                    }
                    errors++;
                  } else {
                    errors = _errs92;
                    if (vErrors !== null) {
                      if (_errs92) {
                        vErrors.length = _errs92;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
                if (data29.KeyCreationDate !== void 0) {
                  let data37 = data29.KeyCreationDate;
                  const _errs98 = errors;
                  let valid18 = false;
                  const _errs99 = errors;
                  if (typeof data37 === "string") {
                    if (!formats0.validate(data37)) {
                      const err85 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[0], data: data37 };
                      if (vErrors === null) {
                        vErrors = [err85];
                      } else {
                        vErrors.push(err85);
                      }
                      errors++;
                    }
                  } else {
                    const err86 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[0], data: data37 };
                    if (vErrors === null) {
                      vErrors = [err86];
                    } else {
                      vErrors.push(err86);
                    }
                    errors++;
                  }
                  var _valid5 = _errs99 === errors;
                  valid18 = valid18 || _valid5;
                  if (!valid18) {
                    const _errs101 = errors;
                    if (typeof data37 == "number" && isFinite(data37)) {
                      if (data37 > 864e10 || isNaN(data37)) {
                        const err87 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[1], data: data37 };
                        if (vErrors === null) {
                          vErrors = [err87];
                        } else {
                          vErrors.push(err87);
                        }
                        errors++;
                      }
                      if (data37 < 0 || isNaN(data37)) {
                        const err88 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[1], data: data37 };
                        if (vErrors === null) {
                          vErrors = [err88];
                        } else {
                          vErrors.push(err88);
                        }
                        errors++;
                      }
                    } else {
                      const err89 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf[1], data: data37 };
                      if (vErrors === null) {
                        vErrors = [err89];
                      } else {
                        vErrors.push(err89);
                      }
                      errors++;
                    }
                    var _valid5 = _errs101 === errors;
                    valid18 = valid18 || _valid5;
                  }
                  if (!valid18) {
                    const err90 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage/KeyCreationDate", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/properties/KeyCreationDate/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage.properties.KeyCreationDate, data: data37 };
                    if (vErrors === null) {
                      vErrors = [err90];
                    } else {
                      vErrors.push(err90);
                    }
                    errors++;
                  } else {
                    errors = _errs98;
                    if (vErrors !== null) {
                      if (_errs98) {
                        vErrors.length = _errs98;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
              } else {
                const err91 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/LastUsage", schemaPath: "#/properties/keys/additionalProperties/properties/LastUsage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.LastUsage.type, parentSchema: schema11.properties.keys.additionalProperties.properties.LastUsage, data: data29 };
                if (vErrors === null) {
                  vErrors = [err91];
                } else {
                  vErrors.push(err91);
                }
                errors++;
              }
            }
            if (data4.Errors !== void 0) {
              let data38 = data4.Errors;
              if (Array.isArray(data38)) {
                const len1 = data38.length;
                for (let i1 = 0; i1 < len1; i1++) {
                  let data39 = data38[i1];
                  if (data39 && typeof data39 == "object" && !Array.isArray(data39)) {
                    if (data39.Operation === void 0) {
                      const err92 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1, schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/required", keyword: "required", params: { missingProperty: "Operation" }, message: "must have required property 'Operation'", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err92];
                      } else {
                        vErrors.push(err92);
                      }
                      errors++;
                    }
                    if (data39.Code === void 0) {
                      const err93 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1, schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/required", keyword: "required", params: { missingProperty: "Code" }, message: "must have required property 'Code'", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err93];
                      } else {
                        vErrors.push(err93);
                      }
                      errors++;
                    }
                    if (data39.Message === void 0) {
                      const err94 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1, schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/required", keyword: "required", params: { missingProperty: "Message" }, message: "must have required property 'Message'", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items, data: data39 };
                      if (vErrors === null) {
                        vErrors = [err94];
                      } else {
                        vErrors.push(err94);
                      }
                      errors++;
                    }
                    if (data39.Operation !== void 0) {
                      let data40 = data39.Operation;
                      if (typeof data40 !== "string") {
                        const err95 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1 + "/Operation", schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/properties/Operation/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Operation.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Operation, data: data40 };
                        if (vErrors === null) {
                          vErrors = [err95];
                        } else {
                          vErrors.push(err95);
                        }
                        errors++;
                      }
                    }
                    if (data39.Code !== void 0) {
                      let data41 = data39.Code;
                      if (typeof data41 !== "string") {
                        const err96 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1 + "/Code", schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/properties/Code/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Code.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Code, data: data41 };
                        if (vErrors === null) {
                          vErrors = [err96];
                        } else {
                          vErrors.push(err96);
                        }
                        errors++;
                      }
                    }
                    if (data39.Message !== void 0) {
                      let data42 = data39.Message;
                      if (typeof data42 !== "string") {
                        const err97 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1 + "/Message", schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/properties/Message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Message.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items.properties.Message, data: data42 };
                        if (vErrors === null) {
                          vErrors = [err97];
                        } else {
                          vErrors.push(err97);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err98 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors/" + i1, schemaPath: "#/properties/keys/additionalProperties/properties/Errors/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.Errors.items.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors.items, data: data39 };
                    if (vErrors === null) {
                      vErrors = [err98];
                    } else {
                      vErrors.push(err98);
                    }
                    errors++;
                  }
                }
              } else {
                const err99 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Errors", schemaPath: "#/properties/keys/additionalProperties/properties/Errors/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.keys.additionalProperties.properties.Errors.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Errors, data: data38 };
                if (vErrors === null) {
                  vErrors = [err99];
                } else {
                  vErrors.push(err99);
                }
                errors++;
              }
            }
            if (data4.Trail !== void 0) {
              let data43 = data4.Trail;
              if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
                if (data43.LookupAttributes === void 0) {
                  const err100 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/required", keyword: "required", params: { missingProperty: "LookupAttributes" }, message: "must have required property 'LookupAttributes'", schema: schema11.properties.keys.additionalProperties.properties.Trail.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err100];
                  } else {
                    vErrors.push(err100);
                  }
                  errors++;
                }
                if (data43.StartTime === void 0) {
                  const err101 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/required", keyword: "required", params: { missingProperty: "StartTime" }, message: "must have required property 'StartTime'", schema: schema11.properties.keys.additionalProperties.properties.Trail.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err101];
                  } else {
                    vErrors.push(err101);
                  }
                  errors++;
                }
                if (data43.EndTime === void 0) {
                  const err102 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/required", keyword: "required", params: { missingProperty: "EndTime" }, message: "must have required property 'EndTime'", schema: schema11.properties.keys.additionalProperties.properties.Trail.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err102];
                  } else {
                    vErrors.push(err102);
                  }
                  errors++;
                }
                if (data43.Truncated === void 0) {
                  const err103 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/required", keyword: "required", params: { missingProperty: "Truncated" }, message: "must have required property 'Truncated'", schema: schema11.properties.keys.additionalProperties.properties.Trail.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err103];
                  } else {
                    vErrors.push(err103);
                  }
                  errors++;
                }
                if (data43.Events === void 0) {
                  const err104 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/required", keyword: "required", params: { missingProperty: "Events" }, message: "must have required property 'Events'", schema: schema11.properties.keys.additionalProperties.properties.Trail.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                  if (vErrors === null) {
                    vErrors = [err104];
                  } else {
                    vErrors.push(err104);
                  }
                  errors++;
                }
                for (const key4 in data43) {
                  if (!(key4 === "LookupAttributes" || key4 === "StartTime" || key4 === "EndTime" || key4 === "Truncated" || key4 === "Events")) {
                    const err105 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                    if (vErrors === null) {
                      vErrors = [err105];
                    } else {
                      vErrors.push(err105);
                    }
                    errors++;
                  }
                }
                if (data43.LookupAttributes !== void 0) {
                  let data44 = data43.LookupAttributes;
                  if (Array.isArray(data44)) {
                    if (data44.length > 1) {
                      const err106 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/maxItems", keyword: "maxItems", params: { limit: 1 }, message: "must NOT have more than 1 items", schema: 1, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes, data: data44 };
                      if (vErrors === null) {
                        vErrors = [err106];
                      } else {
                        vErrors.push(err106);
                      }
                      errors++;
                    }
                    if (data44.length < 1) {
                      const err107 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes, data: data44 };
                      if (vErrors === null) {
                        vErrors = [err107];
                      } else {
                        vErrors.push(err107);
                      }
                      errors++;
                    }
                    const len2 = data44.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                      let data45 = data44[i2];
                      if (data45 && typeof data45 == "object" && !Array.isArray(data45)) {
                        if (data45.AttributeKey === void 0) {
                          const err108 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes/" + i2, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/items/required", keyword: "required", params: { missingProperty: "AttributeKey" }, message: "must have required property 'AttributeKey'", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items, data: data45 };
                          if (vErrors === null) {
                            vErrors = [err108];
                          } else {
                            vErrors.push(err108);
                          }
                          errors++;
                        }
                        if (data45.AttributeValue === void 0) {
                          const err109 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes/" + i2, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/items/required", keyword: "required", params: { missingProperty: "AttributeValue" }, message: "must have required property 'AttributeValue'", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items, data: data45 };
                          if (vErrors === null) {
                            vErrors = [err109];
                          } else {
                            vErrors.push(err109);
                          }
                          errors++;
                        }
                        if (data45.AttributeKey !== void 0) {
                          let data46 = data45.AttributeKey;
                          if (typeof data46 !== "string") {
                            const err110 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes/" + i2 + "/AttributeKey", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/items/properties/AttributeKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.properties.AttributeKey.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.properties.AttributeKey, data: data46 };
                            if (vErrors === null) {
                              vErrors = [err110];
                            } else {
                              vErrors.push(err110);
                            }
                            errors++;
                          }
                        }
                        if (data45.AttributeValue !== void 0) {
                          let data47 = data45.AttributeValue;
                          if (typeof data47 !== "string") {
                            const err111 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes/" + i2 + "/AttributeValue", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/items/properties/AttributeValue/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.properties.AttributeValue.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.properties.AttributeValue, data: data47 };
                            if (vErrors === null) {
                              vErrors = [err111];
                            } else {
                              vErrors.push(err111);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err112 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes/" + i2, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.items, data: data45 };
                        if (vErrors === null) {
                          vErrors = [err112];
                        } else {
                          vErrors.push(err112);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err113 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/LookupAttributes", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/LookupAttributes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.LookupAttributes, data: data44 };
                    if (vErrors === null) {
                      vErrors = [err113];
                    } else {
                      vErrors.push(err113);
                    }
                    errors++;
                  }
                }
                if (data43.StartTime !== void 0) {
                  let data48 = data43.StartTime;
                  const _errs125 = errors;
                  let valid26 = false;
                  const _errs126 = errors;
                  if (typeof data48 === "string") {
                    if (!formats0.validate(data48)) {
                      const err114 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[0], data: data48 };
                      if (vErrors === null) {
                        vErrors = [err114];
                      } else {
                        vErrors.push(err114);
                      }
                      errors++;
                    }
                  } else {
                    const err115 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[0], data: data48 };
                    if (vErrors === null) {
                      vErrors = [err115];
                    } else {
                      vErrors.push(err115);
                    }
                    errors++;
                  }
                  var _valid6 = _errs126 === errors;
                  valid26 = valid26 || _valid6;
                  if (!valid26) {
                    const _errs128 = errors;
                    if (typeof data48 == "number" && isFinite(data48)) {
                      if (data48 > 864e10 || isNaN(data48)) {
                        const err116 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[1], data: data48 };
                        if (vErrors === null) {
                          vErrors = [err116];
                        } else {
                          vErrors.push(err116);
                        }
                        errors++;
                      }
                      if (data48 < 0 || isNaN(data48)) {
                        const err117 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[1], data: data48 };
                        if (vErrors === null) {
                          vErrors = [err117];
                        } else {
                          vErrors.push(err117);
                        }
                        errors++;
                      }
                    } else {
                      const err118 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf[1], data: data48 };
                      if (vErrors === null) {
                        vErrors = [err118];
                      } else {
                        vErrors.push(err118);
                      }
                      errors++;
                    }
                    var _valid6 = _errs128 === errors;
                    valid26 = valid26 || _valid6;
                  }
                  if (!valid26) {
                    const err119 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/StartTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/StartTime/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.StartTime, data: data48 };
                    if (vErrors === null) {
                      vErrors = [err119];
                    } else {
                      vErrors.push(err119);
                    }
                    errors++;
                  } else {
                    errors = _errs125;
                    if (vErrors !== null) {
                      if (_errs125) {
                        vErrors.length = _errs125;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
                if (data43.EndTime !== void 0) {
                  let data49 = data43.EndTime;
                  const _errs131 = errors;
                  let valid27 = false;
                  const _errs132 = errors;
                  if (typeof data49 === "string") {
                    if (!formats0.validate(data49)) {
                      const err120 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[0], data: data49 };
                      if (vErrors === null) {
                        vErrors = [err120];
                      } else {
                        vErrors.push(err120);
                      }
                      errors++;
                    }
                  } else {
                    const err121 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[0], data: data49 };
                    if (vErrors === null) {
                      vErrors = [err121];
                    } else {
                      vErrors.push(err121);
                    }
                    errors++;
                  }
                  var _valid7 = _errs132 === errors;
                  valid27 = valid27 || _valid7;
                  if (!valid27) {
                    const _errs134 = errors;
                    if (typeof data49 == "number" && isFinite(data49)) {
                      if (data49 > 864e10 || isNaN(data49)) {
                        const err122 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[1], data: data49 };
                        if (vErrors === null) {
                          vErrors = [err122];
                        } else {
                          vErrors.push(err122);
                        }
                        errors++;
                      }
                      if (data49 < 0 || isNaN(data49)) {
                        const err123 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[1], data: data49 };
                        if (vErrors === null) {
                          vErrors = [err123];
                        } else {
                          vErrors.push(err123);
                        }
                        errors++;
                      }
                    } else {
                      const err124 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf[1], data: data49 };
                      if (vErrors === null) {
                        vErrors = [err124];
                      } else {
                        vErrors.push(err124);
                      }
                      errors++;
                    }
                    var _valid7 = _errs134 === errors;
                    valid27 = valid27 || _valid7;
                  }
                  if (!valid27) {
                    const err125 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/EndTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/EndTime/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.EndTime, data: data49 };
                    if (vErrors === null) {
                      vErrors = [err125];
                    } else {
                      vErrors.push(err125);
                    }
                    errors++;
                  } else {
                    errors = _errs131;
                    if (vErrors !== null) {
                      if (_errs131) {
                        vErrors.length = _errs131;
                      } else {
                        vErrors = null;
                      }
                    }
                  }
                }
                if (data43.Truncated !== void 0) {
                  let data50 = data43.Truncated;
                  if (typeof data50 !== "boolean") {
                    const err126 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Truncated", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Truncated/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Truncated.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Truncated, data: data50 };
                    if (vErrors === null) {
                      vErrors = [err126];
                    } else {
                      vErrors.push(err126);
                    }
                    errors++;
                  }
                }
                if (data43.Events !== void 0) {
                  let data51 = data43.Events;
                  if (Array.isArray(data51)) {
                    const len3 = data51.length;
                    for (let i3 = 0; i3 < len3; i3++) {
                      let data52 = data51[i3];
                      if (data52 && typeof data52 == "object" && !Array.isArray(data52)) {
                        if (data52.EventId === void 0) {
                          const err127 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/required", keyword: "required", params: { missingProperty: "EventId" }, message: "must have required property 'EventId'", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items, data: data52 };
                          if (vErrors === null) {
                            vErrors = [err127];
                          } else {
                            vErrors.push(err127);
                          }
                          errors++;
                        }
                        if (data52.EventTime === void 0) {
                          const err128 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/required", keyword: "required", params: { missingProperty: "EventTime" }, message: "must have required property 'EventTime'", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.required, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items, data: data52 };
                          if (vErrors === null) {
                            vErrors = [err128];
                          } else {
                            vErrors.push(err128);
                          }
                          errors++;
                        }
                        if (data52.EventId !== void 0) {
                          let data53 = data52.EventId;
                          if (typeof data53 === "string") {
                            if (func2(data53) < 1) {
                              const err129 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventId", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventId, data: data53 };
                              if (vErrors === null) {
                                vErrors = [err129];
                              } else {
                                vErrors.push(err129);
                              }
                              errors++;
                            }
                          } else {
                            const err130 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventId", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventId.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventId, data: data53 };
                            if (vErrors === null) {
                              vErrors = [err130];
                            } else {
                              vErrors.push(err130);
                            }
                            errors++;
                          }
                        }
                        if (data52.EventName !== void 0) {
                          let data54 = data52.EventName;
                          if (typeof data54 !== "string") {
                            const err131 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventName", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventName.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventName, data: data54 };
                            if (vErrors === null) {
                              vErrors = [err131];
                            } else {
                              vErrors.push(err131);
                            }
                            errors++;
                          }
                        }
                        if (data52.EventTime !== void 0) {
                          let data55 = data52.EventTime;
                          const _errs147 = errors;
                          let valid31 = false;
                          const _errs148 = errors;
                          if (typeof data55 === "string") {
                            if (!formats0.validate(data55)) {
                              const err132 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf/0/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[0], data: data55 };
                              if (vErrors === null) {
                                vErrors = [err132];
                              } else {
                                vErrors.push(err132);
                              }
                              errors++;
                            }
                          } else {
                            const err133 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[0].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[0], data: data55 };
                            if (vErrors === null) {
                              vErrors = [err133];
                            } else {
                              vErrors.push(err133);
                            }
                            errors++;
                          }
                          var _valid8 = _errs148 === errors;
                          valid31 = valid31 || _valid8;
                          if (!valid31) {
                            const _errs150 = errors;
                            if (typeof data55 == "number" && isFinite(data55)) {
                              if (data55 > 864e10 || isNaN(data55)) {
                                const err134 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf/1/maximum", keyword: "maximum", params: { comparison: "<=", limit: 864e10 }, message: "must be <= 8640000000000", schema: 864e10, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[1], data: data55 };
                                if (vErrors === null) {
                                  vErrors = [err134];
                                } else {
                                  vErrors.push(err134);
                                }
                                errors++;
                              }
                              if (data55 < 0 || isNaN(data55)) {
                                const err135 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[1], data: data55 };
                                if (vErrors === null) {
                                  vErrors = [err135];
                                } else {
                                  vErrors.push(err135);
                                }
                                errors++;
                              }
                            } else {
                              const err136 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf/1/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[1].type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf[1], data: data55 };
                              if (vErrors === null) {
                                vErrors = [err136];
                              } else {
                                vErrors.push(err136);
                              }
                              errors++;
                            }
                            var _valid8 = _errs150 === errors;
                            valid31 = valid31 || _valid8;
                          }
                          if (!valid31) {
                            const err137 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventTime", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventTime/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime.anyOf, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventTime, data: data55 };
                            if (vErrors === null) {
                              vErrors = [err137];
                            } else {
                              vErrors.push(err137);
                            }
                            errors++;
                          } else {
                            errors = _errs147;
                            if (vErrors !== null) {
                              if (_errs147) {
                                vErrors.length = _errs147;
                              } else {
                                vErrors = null;
                              }
                            }
                          }
                        }
                        if (data52.EventSource !== void 0) {
                          let data56 = data52.EventSource;
                          if (typeof data56 !== "string") {
                            const err138 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/EventSource", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/EventSource/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventSource.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.EventSource, data: data56 };
                            if (vErrors === null) {
                              vErrors = [err138];
                            } else {
                              vErrors.push(err138);
                            }
                            errors++;
                          }
                        }
                        if (data52.Username !== void 0) {
                          let data57 = data52.Username;
                          if (typeof data57 !== "string") {
                            const err139 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/Username", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/Username/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.Username.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.Username, data: data57 };
                            if (vErrors === null) {
                              vErrors = [err139];
                            } else {
                              vErrors.push(err139);
                            }
                            errors++;
                          }
                        }
                        if (data52.Resources !== void 0) {
                          let data58 = data52.Resources;
                          if (!Array.isArray(data58)) {
                            const err140 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/Resources", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/Resources/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.Resources.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.Resources, data: data58 };
                            if (vErrors === null) {
                              vErrors = [err140];
                            } else {
                              vErrors.push(err140);
                            }
                            errors++;
                          }
                        }
                        if (data52.CloudTrailEvent !== void 0) {
                          let data59 = data52.CloudTrailEvent;
                          if (typeof data59 !== "string") {
                            const err141 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3 + "/CloudTrailEvent", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/properties/CloudTrailEvent/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.CloudTrailEvent.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.properties.CloudTrailEvent, data: data59 };
                            if (vErrors === null) {
                              vErrors = [err141];
                            } else {
                              vErrors.push(err141);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err142 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events/" + i3, schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.items, data: data52 };
                        if (vErrors === null) {
                          vErrors = [err142];
                        } else {
                          vErrors.push(err142);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err143 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail/Events", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/properties/Events/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail.properties.Events, data: data51 };
                    if (vErrors === null) {
                      vErrors = [err143];
                    } else {
                      vErrors.push(err143);
                    }
                    errors++;
                  }
                }
              } else {
                const err144 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/Trail", schemaPath: "#/properties/keys/additionalProperties/properties/Trail/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.properties.Trail.type, parentSchema: schema11.properties.keys.additionalProperties.properties.Trail, data: data43 };
                if (vErrors === null) {
                  vErrors = [err144];
                } else {
                  vErrors.push(err144);
                }
                errors++;
              }
            }
          } else {
            const err145 = { instancePath: instancePath + "/keys/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/keys/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.additionalProperties.type, parentSchema: schema11.properties.keys.additionalProperties, data: data4 };
            if (vErrors === null) {
              vErrors = [err145];
            } else {
              vErrors.push(err145);
            }
            errors++;
          }
        }
      } else {
        const err146 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.keys.type, parentSchema: schema11.properties.keys, data: data3 };
        if (vErrors === null) {
          vErrors = [err146];
        } else {
          vErrors.push(err146);
        }
        errors++;
      }
    }
    if (data.aliases !== void 0) {
      let data60 = data.aliases;
      if (data60 && typeof data60 == "object" && !Array.isArray(data60)) {
        for (const key5 in data60) {
          const _errs162 = errors;
          if (typeof key5 === "string") {
            if (!pattern6.test(key5)) {
              const err147 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/propertyNames/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:alias/[a-zA-Z0-9/_-]{1,250}$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:alias/[a-zA-Z0-9/_-]{1,250}$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:alias/[a-zA-Z0-9/_-]{1,250}$", parentSchema: schema11.properties.aliases.propertyNames, data: key5, propertyName: key5 };
              if (vErrors === null) {
                vErrors = [err147];
              } else {
                vErrors.push(err147);
              }
              errors++;
            }
          }
          var valid32 = _errs162 === errors;
          if (!valid32) {
            const err148 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/propertyNames", keyword: "propertyNames", params: { propertyName: key5 }, message: "property name must be valid", schema: schema11.properties.aliases.propertyNames, parentSchema: schema11.properties.aliases, data: data60 };
            if (vErrors === null) {
              vErrors = [err148];
            } else {
              vErrors.push(err148);
            }
            errors++;
          }
        }
        for (const key6 in data60) {
          let data61 = data60[key6];
          if (typeof data61 === "string") {
            if (!pattern1.test(data61)) {
              const err149 = { instancePath: instancePath + "/aliases/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/aliases/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$" }, message: 'must match pattern "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$"', schema: "^arn:aws(?:-[a-z]+(?:-[a-z]+)?)?:kms:[a-z]{2,4}(?:-[a-z]+)+-\\d+:\\d{12}:key/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$", parentSchema: schema11.properties.aliases.additionalProperties, data: data61 };
              if (vErrors === null) {
                vErrors = [err149];
              } else {
                vErrors.push(err149);
              }
              errors++;
            }
          } else {
            const err150 = { instancePath: instancePath + "/aliases/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/aliases/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.aliases.additionalProperties.type, parentSchema: schema11.properties.aliases.additionalProperties, data: data61 };
            if (vErrors === null) {
              vErrors = [err150];
            } else {
              vErrors.push(err150);
            }
            errors++;
          }
        }
      } else {
        const err151 = { instancePath: instancePath + "/aliases", schemaPath: "#/properties/aliases/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.aliases.type, parentSchema: schema11.properties.aliases, data: data60 };
        if (vErrors === null) {
          vErrors = [err151];
        } else {
          vErrors.push(err151);
        }
        errors++;
      }
    }
    if (data.stacks !== void 0) {
      let data62 = data.stacks;
      if (data62 && typeof data62 == "object" && !Array.isArray(data62)) {
        for (const key7 in data62) {
          const _errs168 = errors;
          if (typeof key7 === "string") {
            if (!pattern8.test(key7)) {
              const err152 = { instancePath: instancePath + "/stacks", schemaPath: "#/properties/stacks/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\\d+$" }, message: 'must match pattern "^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\\d+$"', schema: "^[^@]+@[a-z]{2,4}(?:-[a-z]+)+-\\d+$", parentSchema: schema11.properties.stacks.propertyNames, data: key7, propertyName: key7 };
              if (vErrors === null) {
                vErrors = [err152];
              } else {
                vErrors.push(err152);
              }
              errors++;
            }
          }
          var valid34 = _errs168 === errors;
          if (!valid34) {
            const err153 = { instancePath: instancePath + "/stacks", schemaPath: "#/properties/stacks/propertyNames", keyword: "propertyNames", params: { propertyName: key7 }, message: "property name must be valid", schema: schema11.properties.stacks.propertyNames, parentSchema: schema11.properties.stacks, data: data62 };
            if (vErrors === null) {
              vErrors = [err153];
            } else {
              vErrors.push(err153);
            }
            errors++;
          }
        }
        for (const key8 in data62) {
          let data63 = data62[key8];
          if (data63 && typeof data63 == "object" && !Array.isArray(data63)) {
            if (data63.resources === void 0) {
              const err154 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stacks/additionalProperties/required", keyword: "required", params: { missingProperty: "resources" }, message: "must have required property 'resources'", schema: schema11.properties.stacks.additionalProperties.required, parentSchema: schema11.properties.stacks.additionalProperties, data: data63 };
              if (vErrors === null) {
                vErrors = [err154];
              } else {
                vErrors.push(err154);
              }
              errors++;
            }
            if (data63.account !== void 0) {
              let data64 = data63.account;
              const _errs173 = errors;
              let valid37 = false;
              const _errs174 = errors;
              if (typeof data64 === "string") {
                if (!pattern0.test(data64)) {
                  const err155 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/account", schemaPath: "#/properties/stacks/additionalProperties/properties/account/anyOf/0/pattern", keyword: "pattern", params: { pattern: "^\\d{12}$" }, message: 'must match pattern "^\\d{12}$"', schema: "^\\d{12}$", parentSchema: schema11.properties.stacks.additionalProperties.properties.account.anyOf[0], data: data64 };
                  if (vErrors === null) {
                    vErrors = [err155];
                  } else {
                    vErrors.push(err155);
                  }
                  errors++;
                }
              } else {
                const err156 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/account", schemaPath: "#/properties/stacks/additionalProperties/properties/account/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.stacks.additionalProperties.properties.account.anyOf[0].type, parentSchema: schema11.properties.stacks.additionalProperties.properties.account.anyOf[0], data: data64 };
                if (vErrors === null) {
                  vErrors = [err156];
                } else {
                  vErrors.push(err156);
                }
                errors++;
              }
              var _valid9 = _errs174 === errors;
              valid37 = valid37 || _valid9;
              if (!valid37) {
                const _errs176 = errors;
                if (data64 !== null) {
                  const err157 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/account", schemaPath: "#/properties/stacks/additionalProperties/properties/account/anyOf/1/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema11.properties.stacks.additionalProperties.properties.account.anyOf[1].type, parentSchema: schema11.properties.stacks.additionalProperties.properties.account.anyOf[1], data: data64 };
                  if (vErrors === null) {
                    vErrors = [err157];
                  } else {
                    vErrors.push(err157);
                  }
                  errors++;
                }
                var _valid9 = _errs176 === errors;
                valid37 = valid37 || _valid9;
              }
              if (!valid37) {
                const err158 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/account", schemaPath: "#/properties/stacks/additionalProperties/properties/account/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema11.properties.stacks.additionalProperties.properties.account.anyOf, parentSchema: schema11.properties.stacks.additionalProperties.properties.account, data: data64 };
                if (vErrors === null) {
                  vErrors = [err158];
                } else {
                  vErrors.push(err158);
                }
                errors++;
              } else {
                errors = _errs173;
                if (vErrors !== null) {
                  if (_errs173) {
                    vErrors.length = _errs173;
                  } else {
                    vErrors = null;
                  }
                }
              }
            }
            if (data63.resources !== void 0) {
              let data65 = data63.resources;
              if (data65 && typeof data65 == "object" && !Array.isArray(data65)) {
                for (const key9 in data65) {
                  let data66 = data65[key9];
                  if (typeof data66 !== "string") {
                    const err159 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/resources/" + key9.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stacks/additionalProperties/properties/resources/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.stacks.additionalProperties.properties.resources.additionalProperties.type, parentSchema: schema11.properties.stacks.additionalProperties.properties.resources.additionalProperties, data: data66 };
                    if (vErrors === null) {
                      vErrors = [err159];
                    } else {
                      vErrors.push(err159);
                    }
                    errors++;
                  }
                }
              } else {
                const err160 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/resources", schemaPath: "#/properties/stacks/additionalProperties/properties/resources/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stacks.additionalProperties.properties.resources.type, parentSchema: schema11.properties.stacks.additionalProperties.properties.resources, data: data65 };
                if (vErrors === null) {
                  vErrors = [err160];
                } else {
                  vErrors.push(err160);
                }
                errors++;
              }
            }
          } else {
            const err161 = { instancePath: instancePath + "/stacks/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stacks/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stacks.additionalProperties.type, parentSchema: schema11.properties.stacks.additionalProperties, data: data63 };
            if (vErrors === null) {
              vErrors = [err161];
            } else {
              vErrors.push(err161);
            }
            errors++;
          }
        }
      } else {
        const err162 = { instancePath: instancePath + "/stacks", schemaPath: "#/properties/stacks/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.stacks.type, parentSchema: schema11.properties.stacks, data: data62 };
        if (vErrors === null) {
          vErrors = [err162];
        } else {
          vErrors.push(err162);
        }
        errors++;
      }
    }
    if (data.inventory !== void 0) {
      let data67 = data.inventory;
      if (data67 && typeof data67 == "object" && !Array.isArray(data67)) {
        if (data67.shards === void 0) {
          const err163 = { instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/required", keyword: "required", params: { missingProperty: "shards" }, message: "must have required property 'shards'", schema: schema11.properties.inventory.required, parentSchema: schema11.properties.inventory, data: data67 };
          if (vErrors === null) {
            vErrors = [err163];
          } else {
            vErrors.push(err163);
          }
          errors++;
        }
        if (data67.pairs === void 0) {
          const err164 = { instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/required", keyword: "required", params: { missingProperty: "pairs" }, message: "must have required property 'pairs'", schema: schema11.properties.inventory.required, parentSchema: schema11.properties.inventory, data: data67 };
          if (vErrors === null) {
            vErrors = [err164];
          } else {
            vErrors.push(err164);
          }
          errors++;
        }
        for (const key10 in data67) {
          if (!(key10 === "shards" || key10 === "pairs")) {
            const err165 = { instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.inventory, data: data67 };
            if (vErrors === null) {
              vErrors = [err165];
            } else {
              vErrors.push(err165);
            }
            errors++;
          }
        }
        if (data67.shards !== void 0) {
          let data68 = data67.shards;
          if (Array.isArray(data68)) {
            if (data68.length < 1) {
              const err166 = { instancePath: instancePath + "/inventory/shards", schemaPath: "#/properties/inventory/properties/shards/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.inventory.properties.shards, data: data68 };
              if (vErrors === null) {
                vErrors = [err166];
              } else {
                vErrors.push(err166);
              }
              errors++;
            }
            const len4 = data68.length;
            for (let i4 = 0; i4 < len4; i4++) {
              let data69 = data68[i4];
              if (data69 && typeof data69 == "object" && !Array.isArray(data69)) {
                if (data69.index === void 0) {
                  const err167 = { instancePath: instancePath + "/inventory/shards/" + i4, schemaPath: "#/properties/inventory/properties/shards/items/required", keyword: "required", params: { missingProperty: "index" }, message: "must have required property 'index'", schema: schema11.properties.inventory.properties.shards.items.required, parentSchema: schema11.properties.inventory.properties.shards.items, data: data69 };
                  if (vErrors === null) {
                    vErrors = [err167];
                  } else {
                    vErrors.push(err167);
                  }
                  errors++;
                }
                if (data69.count === void 0) {
                  const err168 = { instancePath: instancePath + "/inventory/shards/" + i4, schemaPath: "#/properties/inventory/properties/shards/items/required", keyword: "required", params: { missingProperty: "count" }, message: "must have required property 'count'", schema: schema11.properties.inventory.properties.shards.items.required, parentSchema: schema11.properties.inventory.properties.shards.items, data: data69 };
                  if (vErrors === null) {
                    vErrors = [err168];
                  } else {
                    vErrors.push(err168);
                  }
                  errors++;
                }
                for (const key11 in data69) {
                  if (!(key11 === "index" || key11 === "count")) {
                    const err169 = { instancePath: instancePath + "/inventory/shards/" + i4, schemaPath: "#/properties/inventory/properties/shards/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.inventory.properties.shards.items, data: data69 };
                    if (vErrors === null) {
                      vErrors = [err169];
                    } else {
                      vErrors.push(err169);
                    }
                    errors++;
                  }
                }
                if (data69.index !== void 0) {
                  let data70 = data69.index;
                  if (!(typeof data70 == "number" && (!(data70 % 1) && !isNaN(data70)) && isFinite(data70))) {
                    const err170 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/index", schemaPath: "#/properties/inventory/properties/shards/items/properties/index/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.inventory.properties.shards.items.properties.index.type, parentSchema: schema11.properties.inventory.properties.shards.items.properties.index, data: data70 };
                    if (vErrors === null) {
                      vErrors = [err170];
                    } else {
                      vErrors.push(err170);
                    }
                    errors++;
                  }
                  if (typeof data70 == "number" && isFinite(data70)) {
                    if (data70 > 256 || isNaN(data70)) {
                      const err171 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/index", schemaPath: "#/properties/inventory/properties/shards/items/properties/index/maximum", keyword: "maximum", params: { comparison: "<=", limit: 256 }, message: "must be <= 256", schema: 256, parentSchema: schema11.properties.inventory.properties.shards.items.properties.index, data: data70 };
                      if (vErrors === null) {
                        vErrors = [err171];
                      } else {
                        vErrors.push(err171);
                      }
                      errors++;
                    }
                    if (data70 < 1 || isNaN(data70)) {
                      const err172 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/index", schemaPath: "#/properties/inventory/properties/shards/items/properties/index/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.inventory.properties.shards.items.properties.index, data: data70 };
                      if (vErrors === null) {
                        vErrors = [err172];
                      } else {
                        vErrors.push(err172);
                      }
                      errors++;
                    }
                  }
                }
                if (data69.count !== void 0) {
                  let data71 = data69.count;
                  if (!(typeof data71 == "number" && (!(data71 % 1) && !isNaN(data71)) && isFinite(data71))) {
                    const err173 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/count", schemaPath: "#/properties/inventory/properties/shards/items/properties/count/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.inventory.properties.shards.items.properties.count.type, parentSchema: schema11.properties.inventory.properties.shards.items.properties.count, data: data71 };
                    if (vErrors === null) {
                      vErrors = [err173];
                    } else {
                      vErrors.push(err173);
                    }
                    errors++;
                  }
                  if (typeof data71 == "number" && isFinite(data71)) {
                    if (data71 > 256 || isNaN(data71)) {
                      const err174 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/count", schemaPath: "#/properties/inventory/properties/shards/items/properties/count/maximum", keyword: "maximum", params: { comparison: "<=", limit: 256 }, message: "must be <= 256", schema: 256, parentSchema: schema11.properties.inventory.properties.shards.items.properties.count, data: data71 };
                      if (vErrors === null) {
                        vErrors = [err174];
                      } else {
                        vErrors.push(err174);
                      }
                      errors++;
                    }
                    if (data71 < 1 || isNaN(data71)) {
                      const err175 = { instancePath: instancePath + "/inventory/shards/" + i4 + "/count", schemaPath: "#/properties/inventory/properties/shards/items/properties/count/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.inventory.properties.shards.items.properties.count, data: data71 };
                      if (vErrors === null) {
                        vErrors = [err175];
                      } else {
                        vErrors.push(err175);
                      }
                      errors++;
                    }
                  }
                }
              } else {
                const err176 = { instancePath: instancePath + "/inventory/shards/" + i4, schemaPath: "#/properties/inventory/properties/shards/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.inventory.properties.shards.items.type, parentSchema: schema11.properties.inventory.properties.shards.items, data: data69 };
                if (vErrors === null) {
                  vErrors = [err176];
                } else {
                  vErrors.push(err176);
                }
                errors++;
              }
            }
          } else {
            const err177 = { instancePath: instancePath + "/inventory/shards", schemaPath: "#/properties/inventory/properties/shards/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.inventory.properties.shards.type, parentSchema: schema11.properties.inventory.properties.shards, data: data68 };
            if (vErrors === null) {
              vErrors = [err177];
            } else {
              vErrors.push(err177);
            }
            errors++;
          }
        }
        if (data67.pairs !== void 0) {
          let data72 = data67.pairs;
          if (Array.isArray(data72)) {
            const len5 = data72.length;
            for (let i5 = 0; i5 < len5; i5++) {
              let data73 = data72[i5];
              if (data73 && typeof data73 == "object" && !Array.isArray(data73)) {
                if (data73.account === void 0) {
                  const err178 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/required", keyword: "required", params: { missingProperty: "account" }, message: "must have required property 'account'", schema: schema11.properties.inventory.properties.pairs.items.required, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                  if (vErrors === null) {
                    vErrors = [err178];
                  } else {
                    vErrors.push(err178);
                  }
                  errors++;
                }
                if (data73.region === void 0) {
                  const err179 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/required", keyword: "required", params: { missingProperty: "region" }, message: "must have required property 'region'", schema: schema11.properties.inventory.properties.pairs.items.required, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                  if (vErrors === null) {
                    vErrors = [err179];
                  } else {
                    vErrors.push(err179);
                  }
                  errors++;
                }
                if (data73.status === void 0) {
                  const err180 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/required", keyword: "required", params: { missingProperty: "status" }, message: "must have required property 'status'", schema: schema11.properties.inventory.properties.pairs.items.required, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                  if (vErrors === null) {
                    vErrors = [err180];
                  } else {
                    vErrors.push(err180);
                  }
                  errors++;
                }
                if (data73.keys === void 0) {
                  const err181 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/required", keyword: "required", params: { missingProperty: "keys" }, message: "must have required property 'keys'", schema: schema11.properties.inventory.properties.pairs.items.required, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                  if (vErrors === null) {
                    vErrors = [err181];
                  } else {
                    vErrors.push(err181);
                  }
                  errors++;
                }
                if (data73.capturedAt === void 0) {
                  const err182 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/required", keyword: "required", params: { missingProperty: "capturedAt" }, message: "must have required property 'capturedAt'", schema: schema11.properties.inventory.properties.pairs.items.required, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                  if (vErrors === null) {
                    vErrors = [err182];
                  } else {
                    vErrors.push(err182);
                  }
                  errors++;
                }
                for (const key12 in data73) {
                  if (!(key12 === "account" || key12 === "region" || key12 === "name" || key12 === "status" || key12 === "reason" || key12 === "keys" || key12 === "capturedAt")) {
                    const err183 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                    if (vErrors === null) {
                      vErrors = [err183];
                    } else {
                      vErrors.push(err183);
                    }
                    errors++;
                  }
                }
                if (data73.account !== void 0) {
                  let data74 = data73.account;
                  if (typeof data74 === "string") {
                    if (!pattern0.test(data74)) {
                      const err184 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/account", schemaPath: "#/properties/inventory/properties/pairs/items/properties/account/pattern", keyword: "pattern", params: { pattern: "^\\d{12}$" }, message: 'must match pattern "^\\d{12}$"', schema: "^\\d{12}$", parentSchema: schema11.properties.inventory.properties.pairs.items.properties.account, data: data74 };
                      if (vErrors === null) {
                        vErrors = [err184];
                      } else {
                        vErrors.push(err184);
                      }
                      errors++;
                    }
                  } else {
                    const err185 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/account", schemaPath: "#/properties/inventory/properties/pairs/items/properties/account/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.inventory.properties.pairs.items.properties.account.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.account, data: data74 };
                    if (vErrors === null) {
                      vErrors = [err185];
                    } else {
                      vErrors.push(err185);
                    }
                    errors++;
                  }
                }
                if (data73.region !== void 0) {
                  let data75 = data73.region;
                  if (typeof data75 === "string") {
                    if (!pattern11.test(data75)) {
                      const err186 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/region", schemaPath: "#/properties/inventory/properties/pairs/items/properties/region/pattern", keyword: "pattern", params: { pattern: "^[a-z]{2,4}(?:-[a-z]+)+-\\d+$" }, message: 'must match pattern "^[a-z]{2,4}(?:-[a-z]+)+-\\d+$"', schema: "^[a-z]{2,4}(?:-[a-z]+)+-\\d+$", parentSchema: schema11.properties.inventory.properties.pairs.items.properties.region, data: data75 };
                      if (vErrors === null) {
                        vErrors = [err186];
                      } else {
                        vErrors.push(err186);
                      }
                      errors++;
                    }
                  } else {
                    const err187 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/region", schemaPath: "#/properties/inventory/properties/pairs/items/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.inventory.properties.pairs.items.properties.region.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.region, data: data75 };
                    if (vErrors === null) {
                      vErrors = [err187];
                    } else {
                      vErrors.push(err187);
                    }
                    errors++;
                  }
                }
                if (data73.name !== void 0) {
                  let data76 = data73.name;
                  if (typeof data76 !== "string") {
                    const err188 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/name", schemaPath: "#/properties/inventory/properties/pairs/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.inventory.properties.pairs.items.properties.name.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.name, data: data76 };
                    if (vErrors === null) {
                      vErrors = [err188];
                    } else {
                      vErrors.push(err188);
                    }
                    errors++;
                  }
                }
                if (data73.status !== void 0) {
                  let data77 = data73.status;
                  if (!(data77 === "read" || data77 === "unavailable")) {
                    const err189 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/status", schemaPath: "#/properties/inventory/properties/pairs/items/properties/status/enum", keyword: "enum", params: { allowedValues: schema11.properties.inventory.properties.pairs.items.properties.status.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.inventory.properties.pairs.items.properties.status.enum, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.status, data: data77 };
                    if (vErrors === null) {
                      vErrors = [err189];
                    } else {
                      vErrors.push(err189);
                    }
                    errors++;
                  }
                }
                if (data73.reason !== void 0) {
                  let data78 = data73.reason;
                  if (typeof data78 === "string") {
                    if (func2(data78) < 1) {
                      const err190 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/reason", schemaPath: "#/properties/inventory/properties/pairs/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.reason, data: data78 };
                      if (vErrors === null) {
                        vErrors = [err190];
                      } else {
                        vErrors.push(err190);
                      }
                      errors++;
                    }
                  } else {
                    const err191 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/reason", schemaPath: "#/properties/inventory/properties/pairs/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.inventory.properties.pairs.items.properties.reason.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.reason, data: data78 };
                    if (vErrors === null) {
                      vErrors = [err191];
                    } else {
                      vErrors.push(err191);
                    }
                    errors++;
                  }
                }
                if (data73.keys !== void 0) {
                  let data79 = data73.keys;
                  if (!(typeof data79 == "number" && (!(data79 % 1) && !isNaN(data79)) && isFinite(data79))) {
                    const err192 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/keys", schemaPath: "#/properties/inventory/properties/pairs/items/properties/keys/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.inventory.properties.pairs.items.properties.keys.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.keys, data: data79 };
                    if (vErrors === null) {
                      vErrors = [err192];
                    } else {
                      vErrors.push(err192);
                    }
                    errors++;
                  }
                  if (typeof data79 == "number" && isFinite(data79)) {
                    if (data79 < 0 || isNaN(data79)) {
                      const err193 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/keys", schemaPath: "#/properties/inventory/properties/pairs/items/properties/keys/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.keys, data: data79 };
                      if (vErrors === null) {
                        vErrors = [err193];
                      } else {
                        vErrors.push(err193);
                      }
                      errors++;
                    }
                  }
                }
                if (data73.capturedAt !== void 0) {
                  let data80 = data73.capturedAt;
                  if (typeof data80 === "string") {
                    if (!formats0.validate(data80)) {
                      const err194 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/capturedAt", schemaPath: "#/properties/inventory/properties/pairs/items/properties/capturedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema11.properties.inventory.properties.pairs.items.properties.capturedAt, data: data80 };
                      if (vErrors === null) {
                        vErrors = [err194];
                      } else {
                        vErrors.push(err194);
                      }
                      errors++;
                    }
                  } else {
                    const err195 = { instancePath: instancePath + "/inventory/pairs/" + i5 + "/capturedAt", schemaPath: "#/properties/inventory/properties/pairs/items/properties/capturedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.inventory.properties.pairs.items.properties.capturedAt.type, parentSchema: schema11.properties.inventory.properties.pairs.items.properties.capturedAt, data: data80 };
                    if (vErrors === null) {
                      vErrors = [err195];
                    } else {
                      vErrors.push(err195);
                    }
                    errors++;
                  }
                }
              } else {
                const err196 = { instancePath: instancePath + "/inventory/pairs/" + i5, schemaPath: "#/properties/inventory/properties/pairs/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.inventory.properties.pairs.items.type, parentSchema: schema11.properties.inventory.properties.pairs.items, data: data73 };
                if (vErrors === null) {
                  vErrors = [err196];
                } else {
                  vErrors.push(err196);
                }
                errors++;
              }
            }
          } else {
            const err197 = { instancePath: instancePath + "/inventory/pairs", schemaPath: "#/properties/inventory/properties/pairs/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.inventory.properties.pairs.type, parentSchema: schema11.properties.inventory.properties.pairs, data: data72 };
            if (vErrors === null) {
              vErrors = [err197];
            } else {
              vErrors.push(err197);
            }
            errors++;
          }
        }
      } else {
        const err198 = { instancePath: instancePath + "/inventory", schemaPath: "#/properties/inventory/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.inventory.type, parentSchema: schema11.properties.inventory, data: data67 };
        if (vErrors === null) {
          vErrors = [err198];
        } else {
          vErrors.push(err198);
        }
        errors++;
      }
    }
  } else {
    const err199 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err199];
    } else {
      vErrors.push(err199);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/facts/snapshot.ts
function readSnapshot(doc, file) {
  const problem = schemaProblem(doc);
  if (problem !== null) {
    throw new InputError(`${problem} (facts snapshot, SPEC \xA73 version 1)`, file);
  }
  const valid = doc;
  const inventory = valid.inventory === void 0 ? null : checkedInventory(valid.inventory, file);
  const stacks = /* @__PURE__ */ new Map();
  for (const [name, stack] of Object.entries(valid.stacks ?? {})) {
    stacks.set(name, {
      account: stack.account ?? null,
      resources: stack.resources,
      template: stack.template ?? null
    });
  }
  return {
    version: 1,
    capturedAt: new Date(answerInstant(valid.capturedAt)).toISOString(),
    account: valid.account ?? null,
    keys: mapOf(valid.keys),
    aliases: mapOf(valid.aliases ?? {}),
    stacks,
    inventory
  };
}
function mapOf(record) {
  const map = /* @__PURE__ */ new Map();
  for (const name of Object.keys(record)) map.set(name, record[name]);
  return map;
}
function checkedInventory(inventory, file) {
  const wrong = (path, what) => new InputError(`inventory.${path}: ${what} (facts snapshot, SPEC \xA73 version 1)`, file);
  const counts = new Set(inventory.shards.map((s) => s.count));
  for (const [i, shard] of inventory.shards.entries()) {
    if (shard.index > shard.count)
      throw wrong(
        `shards[${i}]`,
        `expected an index from 1 to its count ${shard.count}, got ${shard.index}`
      );
  }
  if (counts.size > 1)
    throw wrong(
      "shards",
      `expected shards of one split, got counts ${[...counts].sort((a, b) => a - b).join(" and ")}`
    );
  const seen = /* @__PURE__ */ new Set();
  for (const [i, pair] of inventory.pairs.entries()) {
    const id = `${pair.account}\0${pair.region}`;
    if (pair.status === "unavailable" && pair.reason === void 0)
      throw wrong(`pairs[${i}]`, "an unavailable pair needs its reason");
    if (pair.status === "read" && pair.reason !== void 0)
      throw wrong(`pairs[${i}].reason`, "only an unavailable pair has a reason");
    if (seen.has(id))
      throw wrong(`pairs[${i}]`, `account ${pair.account} in ${pair.region} is listed twice`);
    seen.add(id);
  }
  return {
    shards: inventory.shards.map((s) => ({ ...s })),
    pairs: inventory.pairs.map((p) => ({ ...p }))
  };
}
function keyCapturedAt(snapshot, keyArn2) {
  return snapshot.keys.get(keyArn2)?.CapturedAt ?? snapshot.capturedAt;
}
function captureSpan(snapshot) {
  let earliest = instantMs(snapshot.capturedAt);
  let latest = earliest;
  for (const entry of snapshot.keys.values()) {
    if (entry.CapturedAt === void 0) continue;
    const at = instantMs(entry.CapturedAt);
    if (at < earliest) earliest = at;
    if (at > latest) latest = at;
  }
  return { earliest, latest };
}
function schemaProblem(doc) {
  if (validateFacts(doc)) return null;
  const errors = validateFacts.errors ?? [];
  const paths = new Set(errors.map((e) => e.instancePath));
  const first = errors[0]?.instancePath ?? "";
  const here = errors.filter((e) => e.instancePath === first);
  const error = here.find((e) => e.keyword === "anyOf" || e.keyword === "propertyNames") ?? here[0];
  if (error === void 0) return "the document: not a facts snapshot";
  const more = paths.size > 1 ? ` (and ${plural(paths.size - 1, "more problem")})` : "";
  return `${describeViolation(error)}${more}`;
}
function describeViolation(error) {
  const path = jsonPath(error.instancePath);
  const expected = error.parentSchema?.description;
  const got = `got ${showValue(error.data)}`;
  switch (error.keyword) {
    case "required":
    case "dependencies":
      return `${path}: expected ${expected ?? "an object"}, but it has no ${error.params.missingProperty}`;
    case "additionalProperties": {
      const name = error.params.additionalProperty;
      return `${jsonPath(error.instancePath, name)}: not a field here; expected ${expected ?? "known fields only"}`;
    }
    case "propertyNames": {
      const name = error.params.propertyName;
      const names = error.parentSchema.propertyNames?.description;
      return `${path}: the property name ${showValue(name)} is not ${names ?? "allowed"}`;
    }
    case "minProperties":
      return `${path}: expected ${expected ?? "a non-empty object"}, got an empty object`;
    default:
      return `${path}: expected ${expected ?? error.message ?? "another value"}, ${got}`;
  }
}
function jsonPath(pointer, last) {
  const segments = pointer === "" ? [] : pointer.slice(1).split("/");
  if (last !== void 0) segments.push(last);
  if (segments.length === 0) return "the document";
  return segments.map((raw, i) => {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (/^\d+$/.test(segment)) return `[${segment}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(segment)) return i === 0 ? segment : `.${segment}`;
    return `[${JSON.stringify(segment)}]`;
  }).join("");
}
var HELD = /* @__PURE__ */ new WeakMap();
function heldAnswers(source) {
  return HELD.get(source);
}
function snapshotFactSource(snapshot) {
  const missing = (operation) => ({
    ok: false,
    error: { Operation: operation, Code: NOT_IN_SNAPSHOT, Message: "not in facts snapshot" }
  });
  const recordedError = (entry, operation) => {
    const error = entry.Errors?.find((e) => e.Operation === operation);
    if (error) return { ok: false, error };
    return {
      ok: false,
      error: {
        Operation: operation,
        Code: "NotInSnapshot",
        Message: `the snapshot holds no ${operation} answer for this key`
      }
    };
  };
  let aliasNames = null;
  const held = {
    aliasesOf: (keyArn2) => {
      const entry = snapshot.keys.get(keyArn2);
      if (entry === void 0) return missing("ListAliases");
      const failed = entry.Errors?.find((e) => e.Operation === "ListAliases");
      if (failed) return { ok: false, error: failed };
      aliasNames ??= aliasNamesByTarget(snapshot.aliases);
      return { ok: true, value: [...aliasNames.get(keyArn2) ?? []].sort() };
    },
    describeKey: (keyArn2) => {
      const entry = snapshot.keys.get(keyArn2);
      if (!entry) return missing("DescribeKey");
      return entry.KeyMetadata ? { ok: true, value: entry.KeyMetadata } : recordedError(entry, "DescribeKey");
    },
    getKeyLastUsage: (keyArn2) => {
      const entry = snapshot.keys.get(keyArn2);
      if (!entry) return missing("GetKeyLastUsage");
      return entry.LastUsage ? { ok: true, value: entry.LastUsage } : recordedError(entry, "GetKeyLastUsage");
    }
  };
  const source = {
    kind: "snapshot",
    callerAccount: async () => snapshot.account,
    capturedAt: (keyArn2) => keyCapturedAt(snapshot, keyArn2),
    recordedArns: () => recordedArns(snapshot),
    // A snapshot holds what its run read: an alias it lacks may exist all the same.
    resolveAlias: async (aliasArn) => {
      const target = snapshot.aliases.get(aliasArn);
      return target === void 0 ? {
        ok: false,
        error: {
          Operation: "DescribeKey",
          Code: "NotInSnapshot",
          Message: "the alias is not in the facts snapshot"
        }
      } : { ok: true, value: target };
    },
    aliasesOf: async (keyArn2) => held.aliasesOf(keyArn2),
    describeKey: async (keyArn2) => held.describeKey(keyArn2),
    deployedStack: async (stack, region, account) => {
      const found = region === null ? [...snapshot.stacks].filter(([name]) => name.startsWith(`${stack}@`)) : [[`${stack}@${region}`, snapshot.stacks.get(`${stack}@${region}`)]];
      const [entry] = found.filter(([, value]) => value !== void 0);
      const where = region === null ? `${stack} (region unknown)` : `${stack}@${region}`;
      const notHere = (why) => ({
        ok: false,
        error: {
          Operation: "ListStackResources",
          Code: "NotInSnapshot",
          Message: `stack ${where} ${why}`
        }
      });
      if (!entry?.[1] || found.length !== 1) {
        return notHere(
          found.length > 1 ? "is in several regions of the facts snapshot" : "is not in the facts snapshot"
        );
      }
      const recordedIn = entry[1].account ?? snapshot.account;
      if (account !== null && recordedIn !== null && recordedIn !== account) {
        return notHere(
          `of account ${account} is not in the facts snapshot (it holds the stack of that name in account ${recordedIn})`
        );
      }
      return { ok: true, value: entry[1] };
    },
    // Recorded only for the keys whose verdict needed it: its absence is said once, by gather.ts.
    lookupTrail: async (keyArn2) => {
      const entry = snapshot.keys.get(keyArn2);
      if (!entry) return missing("LookupEvents");
      if (entry.Trail) return { ok: true, value: entry.Trail };
      const error = entry.Errors?.find((e) => e.Operation === "LookupEvents");
      if (error) return { ok: false, error };
      return {
        ok: false,
        error: {
          Operation: "LookupEvents",
          Code: NOT_IN_SNAPSHOT,
          Message: "the snapshot holds no CloudTrail evidence for this key"
        }
      };
    },
    getKeyLastUsage: async (keyArn2) => held.getKeyLastUsage(keyArn2)
  };
  HELD.set(source, held);
  return source;
}
function aliasNamesByTarget(aliases) {
  const byTarget = /* @__PURE__ */ new Map();
  for (const [alias, target] of aliases) {
    const parsed = parseKmsArn(alias);
    if (parsed === null) continue;
    const names = byTarget.get(target);
    if (names === void 0) byTarget.set(target, [parsed.id]);
    else names.push(parsed.id);
  }
  return byTarget;
}
function recordedArns(snapshot) {
  const keys = /* @__PURE__ */ new Set();
  const add = (arn) => {
    if (arn !== void 0 && parseKmsArn(arn)?.resource === "key") keys.add(arn);
  };
  for (const [arn, entry] of snapshot.keys) {
    add(arn);
    const config = entry.KeyMetadata?.MultiRegionConfiguration;
    add(config?.PrimaryKey?.Arn);
    for (const replica of config?.ReplicaKeys ?? []) add(replica.Arn);
  }
  for (const target of snapshot.aliases.values()) add(target);
  const aliases = [...snapshot.aliases.keys()].filter(
    (arn) => parseKmsArn(arn)?.resource === "alias"
  );
  return { keys: [...keys], aliases };
}

// src/report/build.ts
import { createHash } from "node:crypto";
function buildReport(input) {
  const findings = input.findings.map(withFingerprint).sort(compareFindings);
  const suppressed = input.suppressed.map((f) => ({ ...withFingerprint(f), suppression: f.suppression })).sort(compareFindings);
  const count = (severity) => findings.filter((f) => f.severity === severity).length;
  return {
    tool: input.tool,
    evaluatedAt: input.now.toISOString(),
    subjects: input.subjects,
    findings,
    suppressed,
    errors: input.errors,
    stats: input.stats ?? { usageCallsSaved: 0, scope: "all", keysOutOfScope: 0 },
    summary: {
      error: count("error"),
      warning: count("warning"),
      notice: count("notice"),
      suppressed: suppressed.length,
      keys: input.subjects.length
    }
  };
}
function fingerprint(finding) {
  return createHash("sha256").update([finding.ruleId, finding.subjectId, finding.address ?? ""].join("\0")).digest("hex").slice(0, 32);
}
function sarifFingerprint(finding, inputFile) {
  return createHash("sha256").update(
    ["kmsUsageLint/v1", finding.ruleId, finding.subjectId, finding.address ?? "", inputFile].join(
      "\0"
    )
  ).digest("hex").slice(0, 32);
}
function withFingerprint(finding) {
  return { ...finding, fingerprint: fingerprint(finding) };
}
function compareFindings(a, b) {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareText(a.location?.file ?? "\uFFFF", b.location?.file ?? "\uFFFF") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || compareText(a.ruleId, b.ruleId) || compareText(a.subjectId, b.subjectId) || compareText(a.address ?? "", b.address ?? "");
}
function failsAt(report, failOn) {
  if (failOn === "none") return false;
  const limit = SEVERITIES.indexOf(failOn);
  return report.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit);
}

// src/sources/collect.ts
import { dirname, resolve as resolve4 } from "node:path";

// src/sources/base-location.ts
function removed(ref) {
  return ref.action === "delete" || ref.action === "orphan";
}
async function withBaseLocations(refs, locate) {
  const wanted = refs.filter((ref) => ref.location === null && removed(ref));
  if (wanted.length === 0) return [...refs];
  const located2 = await locate(wanted);
  const found = new Map(wanted.map((ref, i) => [ref, located2[i]?.location ?? null]));
  return refs.map((ref) => {
    const baseLocation = found.get(ref);
    return baseLocation ? { ...ref, baseLocation } : ref;
  });
}

// src/sources/cdk/assembly.ts
import { isAbsolute, join, resolve, sep } from "node:path";

// src/sources/documents.ts
var OUTPUT_FIELDS = /* @__PURE__ */ new Set(["value", "type", "sensitive"]);
function isTerraformOutputs(doc) {
  if (!isJsonObject(doc)) return false;
  const names = Object.keys(doc);
  return names.length > 0 && names.every((name) => isOutputEntry(doc[name]));
}
function isOutputEntry(entry) {
  return isJsonObject(entry) && Object.hasOwn(entry, "value") && Object.keys(entry).every((key) => OUTPUT_FIELDS.has(key));
}
function jsonKind(value) {
  if (value === null) return "null";
  if (value === void 0) return "missing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

// src/sources/cdk/metadata.ts
function readMetadataMap(map, shape, path) {
  const checked = shape.object(map, path, 'construct metadata ({"/Stack/Construct": [entries]})');
  const found = [];
  for (const key of Object.keys(checked)) {
    const itemsPath = pathTo(path, key);
    const items = shape.list(checked[key], itemsPath, "a list of metadata entries");
    const entry = {
      path: key.startsWith("/") ? key.slice(1) : key,
      logicalId: null,
      creationStack: [],
      templateFile: null
    };
    let trace = [];
    items.forEach((value, index) => {
      const itemPath = pathTo(itemsPath, index);
      const item = shape.object(value, itemPath, "a metadata entry ({type, data})");
      const type = own(item, "type");
      const dataPath = pathTo(itemPath, "data");
      if (type === "aws:cdk:logicalId") {
        entry.logicalId = shape.text(own(item, "data"), dataPath, "a logical id (a string)");
        trace = strings(own(item, "trace"));
      } else if (type === "aws:cdk:creationStack") {
        const frames = shape.list(own(item, "data"), dataPath, "a list of stack frames");
        entry.creationStack = strings(frames);
      } else if (type === "aws:cdk:templateFile") {
        entry.templateFile = shape.text(own(item, "data"), dataPath, "a template file name");
      }
    });
    if (entry.creationStack.length === 0) entry.creationStack = trace;
    if (entry.logicalId !== null || entry.templateFile !== null) found.push(entry);
  }
  return found;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}
var NESTED_STACK_RESOURCE_RE = /^(.*\/)?([^/]+)\.NestedStack\/\2\.NestedStackResource$/;
function nestedStackPath(resourcePath) {
  const m = NESTED_STACK_RESOURCE_RE.exec(resourcePath);
  return m === null ? null : `${m[1] ?? ""}${m[2]}`;
}
var ConstructIndex = class {
  roots;
  templateFiles = /* @__PURE__ */ new Map();
  byRoot = /* @__PURE__ */ new Map();
  /**
   * @param ownTemplate the artifact's template file: its `aws:cdk:templateFile`
   *   entry is the stack itself, not a nested stack.
   */
  constructor(entries, ownTemplate) {
    const roots = /* @__PURE__ */ new Set();
    for (const entry of entries) {
      if (entry.templateFile !== null && entry.templateFile !== ownTemplate) {
        roots.add(entry.path);
        this.templateFiles.set(entry.path, entry.templateFile);
      }
      const nested = nestedStackPath(entry.path);
      if (nested !== null) roots.add(nested);
    }
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    for (const entry of entries) {
      if (entry.logicalId === null) continue;
      const root = this.ownerOf(entry.path);
      let constructs = this.byRoot.get(root);
      if (constructs === void 0) {
        constructs = /* @__PURE__ */ new Map();
        this.byRoot.set(root, constructs);
      }
      if (!constructs.has(entry.logicalId)) {
        constructs.set(entry.logicalId, { path: entry.path, creationStack: entry.creationStack });
      }
    }
  }
  /** Construct info by logical id for the stack's own template (null) or a nested stack's (its construct path). */
  constructs(root) {
    return this.byRoot.get(root) ?? /* @__PURE__ */ new Map();
  }
  /** The template file `aws:cdk:templateFile` names for a nested stack's construct path. */
  templateFile(root) {
    return this.templateFiles.get(root) ?? null;
  }
  ownerOf(path) {
    for (const root of this.roots) if (path.startsWith(`${root}/`)) return root;
    return null;
  }
};

// src/sources/reference.ts
function makeReference(base, kind, attribute, target, aliasName) {
  const reference = {
    source: base.source,
    kind,
    file: base.file,
    address: base.address,
    resourceType: base.resourceType,
    attribute,
    target,
    action: base.action,
    change: null,
    // Locations and inline suppressions are attached by the locator.
    location: null,
    suppressions: []
  };
  if (aliasName != null) reference.aliasName = aliasName;
  return reference;
}

// src/sources/scan.ts
function placeGetter(place) {
  if (typeof place !== "function") return () => place;
  let known = null;
  return () => {
    known ??= place();
    return known;
  };
}
var NOWHERE = { partition: null, region: null, account: null };
var MAX_SCAN_DEPTH = 512;
function targetIdentity(target) {
  switch (target.kind) {
    case "arn":
      return target.arn;
    case "key-id":
      return `key-id:${target.keyId}@${target.region ?? ""}`;
    case "alias":
      return target.arn ?? `alias:${target.name}@${target.region ?? ""}`;
    case "planned":
      return `planned:${target.address}`;
    case "stack-resource":
      return `stack:${target.account ?? ""}/${target.region ?? ""}/${target.stack}/${target.logicalId}`;
  }
}
function stringTargets(text, namesKey, place, siblings) {
  if (text.includes(":kms:")) {
    return findKmsArns(text).map(
      (arn) => arn.resource === "key" ? { kind: "arn", arn: arn.raw } : { kind: "alias", name: arn.id, arn: arn.raw, region: arn.region }
    );
  }
  if (!namesKey) return [];
  if (isKeyId(text)) return [siblingTarget(text, siblings()) ?? bareKeyTarget(text, place())];
  if (isAliasName(text)) return [siblingTarget(text, siblings()) ?? aliasNameTarget(text, place())];
  return [];
}
var siblingCache = /* @__PURE__ */ new WeakMap();
function siblingArns(object) {
  let found = siblingCache.get(object);
  if (found) return found;
  found = { own: null, byName: /* @__PURE__ */ new Map() };
  for (const key in object) {
    const value = object[key];
    if (typeof value !== "string" || !value.includes(":kms:")) continue;
    const arn = parseKmsArn(value);
    if (arn === null) continue;
    if (key === "arn") found.own = value;
    const name = arn.resource === "key" ? arn.id.toLowerCase() : arn.id;
    const set = found.byName.get(name) ?? /* @__PURE__ */ new Set();
    set.add(value);
    found.byName.set(name, set);
  }
  siblingCache.set(object, found);
  return found;
}
function siblingTarget(text, siblings) {
  if (siblings === null) return null;
  const { own: own2, byName } = siblingArns(siblings);
  const name = isKeyId(text) ? text.toLowerCase() : text;
  const named = byName.get(name);
  if (named === void 0) return null;
  const [only2] = named;
  const sibling = own2 !== null && named.has(own2) ? own2 : named.size === 1 ? only2 : void 0;
  const arn = sibling === void 0 ? null : parseKmsArn(sibling);
  if (sibling === void 0 || arn === null) return null;
  return arn.resource === "key" ? { kind: "arn", arn: sibling } : { kind: "alias", name: arn.id, arn: sibling, region: arn.region };
}
function bareKeyTarget(keyId, place) {
  const { partition, region, account } = place;
  if (partition !== null && region !== null && account !== null) {
    return { kind: "arn", arn: keyArn(partition, region, account, keyId) };
  }
  return { kind: "key-id", keyId, region };
}
function aliasNameTarget(name, place) {
  const { partition, region, account } = place;
  const arn = partition !== null && region !== null && account !== null ? `arn:${partition}:kms:${region}:${account}:${name}` : null;
  return { kind: "alias", name, arn, region };
}
var MIN_KEY_TEXT = 7;
function mayBeBareKey(text) {
  return text.length === 36 || text.startsWith("alias/");
}
function scanValue(root, options) {
  const walk = new Walk(options);
  if (typeof root === "string") {
    walk.string(root, null, "", walk.rootContext, null);
  } else if (typeof root === "object" && root !== null) {
    walk.container(root, "", walk.rootContext, 0);
  }
  if (walk.tooDeep) {
    (options.tooDeep ?? throwTooDeep)(
      `values nested deeper than ${MAX_SCAN_DEPTH} levels, too deep to search for keys (Terraform's own nest a dozen)`
    );
  }
  return walk.hits.list;
}
var Walk = class {
  hits = new HitList();
  rootContext;
  tooDeep = false;
  steps = [];
  namesKey;
  inherit;
  place;
  constructor(options) {
    this.namesKey = options.namesKey ?? isKmsAttributeName;
    this.inherit = options.inherit ?? false;
    this.rootContext = options.rootNamesKey ?? false;
    this.place = placeGetter(options.place);
  }
  /**
   * @param name the nearest attribute name above (an array's elements share their attribute's name).
   * @param context with `inherit`: this value is under a name that counts.
   */
  container(value, name, context, depth) {
    if (depth >= MAX_SCAN_DEPTH) {
      this.tooDeep = true;
      return;
    }
    const steps = this.steps;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = value[i];
        if (typeof child === "string") {
          this.string(child, i, name, context, null);
        } else if (typeof child === "object" && child !== null) {
          steps.push(i);
          this.container(child, name, context, depth + 1);
          steps.pop();
        }
      }
      return;
    }
    for (const key in value) {
      const child = value[key];
      if (typeof child === "string") {
        this.string(child, key, key, this.inherit && (context || this.namesKey(key)), value);
      } else if (typeof child === "object" && child !== null) {
        steps.push(key);
        const inner = this.inherit && (context || this.namesKey(key));
        this.container(child, key, inner, depth + 1);
        steps.pop();
      }
    }
  }
  /**
   * A string value, reached from its container by `step` (null for the root);
   * `parent` is that container when it is an object (its other members are siblings).
   */
  string(text, step, name, context, parent) {
    if (text.length < MIN_KEY_TEXT) return;
    const counts = this.inherit ? context : mayBeBareKey(text) && this.namesKey(name);
    if (!counts && !text.includes(":kms:")) return;
    const targets = stringTargets(text, counts, this.place, () => parent);
    if (targets.length === 0) return;
    if (step !== null) this.steps.push(step);
    for (const target of targets) this.hits.add(() => pathText(this.steps), target);
    if (step !== null) this.steps.pop();
  }
};
function throwTooDeep(message) {
  throw new Error(message);
}
function scanFlatAttributes(attributes, options) {
  const namesKey = options.namesKey ?? isKmsAttributeName;
  const place = placeGetter(options.place);
  const hits = new HitList();
  let groups = null;
  for (const flatKey of Object.keys(attributes)) {
    const value = attributes[flatKey];
    if (typeof value !== "string" || value.length < MIN_KEY_TEXT) continue;
    const segments = flatKey.split(".");
    const names = segments.filter((s) => !/^(?:\d+|%|#)$/.test(s));
    const name = names[names.length - 1] ?? "";
    const counts = options.inherit ? names.some(namesKey) : mayBeBareKey(value) && namesKey(name);
    const siblings = () => {
      groups ??= flatGroups(attributes);
      return groups.get(segments.slice(0, -1).join(".")) ?? null;
    };
    for (const target of stringTargets(value, counts, place, siblings)) {
      hits.add(() => flatPath(segments), target);
    }
  }
  return hits.list;
}
function flatGroups(attributes) {
  const groups = /* @__PURE__ */ new Map();
  for (const key of Object.keys(attributes)) {
    const dot = key.lastIndexOf(".");
    const parent = dot < 0 ? "" : key.slice(0, dot);
    let group = groups.get(parent);
    if (!group) {
      group = /* @__PURE__ */ Object.create(null);
      groups.set(parent, group);
    }
    group[key.slice(dot + 1)] = attributes[key];
  }
  return groups;
}
var HitList = class {
  list = [];
  seen = /* @__PURE__ */ new Set();
  add(path, target) {
    const identity = targetIdentity(target);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.list.push({ path: typeof path === "string" ? path : path(), target });
  }
};
var IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function pathText(steps) {
  let path = "";
  for (const step of steps) path += stepText(step, path);
  return path;
}
function stepText(step, before) {
  if (typeof step === "number") return `[${step}]`;
  if (!IDENTIFIER_RE.test(step)) return `[${JSON.stringify(step)}]`;
  return before === "" ? step : `.${step}`;
}
function flatPath(segments) {
  let path = "";
  for (const segment of segments) {
    path += /^\d+$/.test(segment) ? `[${segment}]` : stepText(segment, path);
  }
  return path;
}

// src/sources/outputs.ts
function mentionsKey(name) {
  const lower = name.toLowerCase();
  return lower.includes("kms") || lower.includes("key");
}
function outputReferences(name, value, source, action, shape, path) {
  const file = shape.file;
  const hits = scanValue(value, {
    place: NOWHERE,
    namesKey: mentionsKey,
    inherit: true,
    rootNamesKey: mentionsKey(name),
    tooDeep: (message) => shape.refuse(path, message)
  });
  const base = { source, file, address: `output.${name}`, resourceType: null, action };
  return hits.map(
    (hit) => makeReference(base, "output", hit.path === "" ? null : hit.path, hit.target)
  );
}

// src/sources/cdk/intrinsics.ts
function isKmsPropertyName(name) {
  return isKmsAttributeName(snakeCase(name));
}
function snakeCase(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
}
function intrinsicName(value) {
  let name = null;
  for (const key in value) {
    if (name !== null) return null;
    name = key;
  }
  return name !== null && (name === "Ref" || name.startsWith("Fn::")) ? name : null;
}
function getAttTarget(arg) {
  if (typeof arg === "string") {
    const dot = arg.indexOf(".");
    return dot <= 0 ? null : { logicalId: arg.slice(0, dot), attribute: arg.slice(dot + 1) };
  }
  if (Array.isArray(arg) && typeof arg[0] === "string" && typeof arg[1] === "string") {
    return { logicalId: arg[0], attribute: arg[1] };
  }
  return null;
}
var SUB_VARIABLE_RE = /\$\{([^}!][^}]*)\}/g;
function subVariables(template) {
  const found = [];
  for (const m of template.matchAll(SUB_VARIABLE_RE)) {
    const text = (m[1] ?? "").trim();
    const dot = text.indexOf(".");
    found.push(dot === -1 ? [text, null] : [text.slice(0, dot), text.slice(dot + 1)]);
  }
  return found;
}
function findKeyTargets(value, names, options = {}) {
  const walk = new Walk2(names, options.rootNamesKey ?? false);
  walk.visit(value, "", false, 0);
  if (walk.refusal !== null) {
    const { message, at } = walk.refusal;
    if (options.refuse === void 0) throw new Error(at === "" ? message : `${at}: ${message}`);
    options.refuse(message, at);
  }
  return walk.hits;
}
var Walk2 = class {
  constructor(names, rootNamesKey) {
    this.names = names;
    this.rootNamesKey = rootNamesKey;
  }
  names;
  rootNamesKey;
  hits = [];
  /** The first reason the value cannot be searched, and where; the walk stops there. */
  refusal = null;
  seen = /* @__PURE__ */ new Set();
  steps = [];
  /**
   * Above zero inside the arguments of a function evaluated whole: its
   * nested functions are part of that evaluation, and only the names of
   * keys (`Ref`, `Fn::GetAtt`) and the ARNs written in them are looked for.
   */
  covered = 0;
  /**
   * @param name the nearest property name above: whether a bare id under it is a key.
   * @param argument inside an intrinsic function's argument, where list
   *   indexes and map keys are not property names and add no path steps.
   */
  visit(value, name, argument, depth) {
    if (this.refusal !== null) return;
    if (typeof value === "string") {
      this.literal(value, name);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (depth >= MAX_VALUE_DEPTH) {
      this.refusal ??= {
        message: `values nested deeper than ${MAX_VALUE_DEPTH} levels, too deep to search for keys (templates nest a dozen)`,
        at: ""
      };
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.child(value[i], i, name, argument, depth);
      return;
    }
    const record = value;
    const fn = intrinsicName(record);
    if (fn !== null) {
      this.intrinsic(fn, record[fn], name, argument, depth + 1);
      return;
    }
    for (const key in record) this.child(record[key], key, key, argument, depth);
  }
  child(value, step, name, argument, depth) {
    if (argument) {
      this.visit(value, name, true, depth + 1);
      return;
    }
    this.steps.push(step);
    this.visit(value, name, false, depth + 1);
    this.steps.pop();
  }
  intrinsic(fn, arg, name, argument, depth) {
    if (this.covered === 0 && EVALUATED.has(fn)) this.evaluated({ [fn]: arg }, name);
    switch (fn) {
      case "Ref":
        if (typeof arg === "string") this.addAll(this.refTargets(arg));
        return;
      case "Fn::GetAtt": {
        const att = getAttTarget(arg);
        const key = att === null ? void 0 : this.names.keys.get(att.logicalId);
        if (key !== void 0) this.add(key);
        return;
      }
      case "Fn::Sub":
        this.subNames(arg);
        break;
      case "Fn::ImportValue":
        this.importValue(arg);
        break;
      case "Fn::If":
        if (Array.isArray(arg)) {
          for (const branch of arg.slice(1)) this.visit(branch, name, argument, depth);
          return;
        }
        break;
    }
    const evaluated = EVALUATED.has(fn);
    if (evaluated) this.covered++;
    this.visit(arg, name, true, depth);
    if (evaluated) this.covered--;
  }
  /** What a function may evaluate to, each text read for keys like a string written there. */
  evaluated(value, name) {
    let results;
    try {
      results = evaluate(value, this.names.scope);
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
      this.refuse(err.message);
      return;
    }
    for (const result of results) {
      if (result.kind === "text") this.literal(result.text, name);
      else for (const item of result.items ?? []) this.literal(item, name);
    }
  }
  /** `Fn::Sub`'s `${Key}` and `${Key.Arn}` of key resources, unless a variable shadows the name. */
  subNames(arg) {
    const [template, variables] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, void 0];
    if (typeof template !== "string") return;
    const shadowed = isJsonObject(variables) ? variables : {};
    for (const [logicalId, attribute] of subVariables(template)) {
      if (Object.hasOwn(shadowed, logicalId)) continue;
      if (attribute === null) {
        this.addAll(this.refTargets(logicalId));
      } else {
        const key = this.names.keys.get(logicalId);
        if (key !== void 0) this.add(key);
      }
    }
  }
  /** The keys another stack of the assembly exports under the imported name (or names). */
  importValue(arg) {
    let names = [];
    if (typeof arg === "string") {
      names = [arg];
    } else {
      try {
        for (const result of evaluate(arg, this.names.scope)) {
          if (result.kind === "text" && !hasHole(result.text)) names.push(result.text);
        }
      } catch (err) {
        if (!(err instanceof EvaluationError)) throw err;
        this.refuse(err.message);
        return;
      }
    }
    for (const exportName of names) {
      const targets = this.names.imports.get(exportName);
      if (targets !== void 0) this.addAll(targets);
      else if (!this.names.scope.exported(exportName)) {
        this.names.scope.note(unresolvedImport(exportName));
      }
    }
  }
  refuse(message) {
    this.refusal ??= { message, at: pathText2(this.steps) };
  }
  refTargets(logicalId) {
    const key = this.names.keys.get(logicalId);
    if (key !== void 0) return [key];
    return this.names.refs.get(logicalId) ?? [];
  }
  /**
   * A string as written or evaluated: its ARNs (a partition, region or
   * account left to deploy time still gives the key id or alias name), or
   * itself as a bare id or alias name under a key's name.
   */
  literal(text, name) {
    if (text.includes(":kms:")) {
      for (const arn of findKmsArns(text)) {
        this.add(
          arn.resource === "key" ? { kind: "arn", arn: arn.raw } : { kind: "alias", name: arn.id, arn: arn.raw, region: arn.region }
        );
      }
      if (!hasHole(text)) return;
      for (const arn of findPartialKmsArns(text, GAP)) {
        const place = {
          partition: arn.partition,
          region: arn.region,
          account: arn.account
        };
        this.add(
          arn.resource === "key" ? bareKeyTarget(arn.id, place) : aliasNameTarget(arn.id, place)
        );
      }
      return;
    }
    if (!this.rootNamesKey && !isKmsPropertyName(name)) return;
    if (isKeyId(text)) this.add(bareKeyTarget(text, this.names.place));
    else if (isAliasName(text)) this.add(aliasNameTarget(text, this.names.place));
  }
  addAll(targets) {
    for (const target of targets) this.add(target);
  }
  add(target) {
    const identity = targetIdentity(target);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    this.hits.push({ path: pathText2(this.steps), target });
  }
};
var GAP = `[${HOLE}${NAME_HOLE}]`;
var EVALUATED = /* @__PURE__ */ new Set([
  "Ref",
  "Fn::Join",
  "Fn::Sub",
  "Fn::Select",
  "Fn::Split",
  "Fn::FindInMap"
]);
var IDENTIFIER_RE2 = /^[A-Za-z_][A-Za-z0-9_-]*$/;
function pathText2(steps) {
  let path = "";
  for (const step of steps) {
    if (typeof step === "number") path += `[${step}]`;
    else if (!IDENTIFIER_RE2.test(step)) path += `[${JSON.stringify(step)}]`;
    else path += path === "" ? step : `.${step}`;
  }
  return path;
}

// src/sources/cdk/template.ts
var CFN_KEY_TYPES = ["AWS::KMS::Key", "AWS::KMS::ReplicaKey"];
var CFN_ALIAS_TYPE = "AWS::KMS::Alias";
var TEMPLATE_MAPS = ["Resources", "Parameters", "Outputs", "Conditions", "Mappings", "Rules"];
function isCloudFormationTemplate(doc) {
  if (!isJsonObject(doc)) return false;
  if (typeof doc.AWSTemplateFormatVersion === "string" || Object.hasOwn(doc, "Transform")) {
    return true;
  }
  if (isJsonObject(doc.Resources)) return true;
  return TEMPLATE_MAPS.some((key) => Object.hasOwn(doc, key) && !isScalarMap(doc[key]));
}
function isScalarMap(value) {
  if (!isJsonObject(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every(isScalar);
}
function isScalar(value) {
  return value === null || typeof value !== "object";
}
var TEMPLATE_SECTIONS = ["Resources", "Outputs"];
var HINTS = {
  "cloudformation-template": "CloudFormation would refuse this template too: fix it",
  "cdk-assembly": "this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)"
};
function readTemplate(doc, file, stack, options = {}) {
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const warnings = [];
  const warn = (message) => warnings.push(message);
  const notes = /* @__PURE__ */ new Set();
  const resources = readResources(template, options.constructs, shape, warn);
  stack = withEnvironment(stack, options);
  const model = {
    name: stack.name,
    artifactId: stack.artifactId ?? file,
    account: stack.account,
    region: stack.region,
    templateFile: file,
    resources,
    parent: stack.parent ?? null
  };
  const names = keyNames(template, resources, stack, options, shape, (note) => notes.add(note));
  const references = [];
  for (const resource of resources.values()) {
    const base = {
      source,
      file,
      address: resource.constructPath ?? `${stack.name}/${resource.logicalId}`,
      resourceType: resource.type,
      action: null
    };
    references.push(...resourceReferences(resource, base, names, shape, warn));
  }
  references.push(...outputReferences2(template, stack, source, names, shape));
  return { stack: model, references, warnings, notes: [...notes] };
}
function withEnvironment(stack, options) {
  const region = options.parameterValues?.get("AWS::Region");
  const account = options.parameterValues?.get("AWS::AccountId");
  if (region === void 0 && account === void 0) return stack;
  return { ...stack, region: region ?? stack.region, account: account ?? stack.account };
}
function below(base, at) {
  if (at === "") return base;
  return at.startsWith("[") ? `${base}${at}` : `${base}.${at}`;
}
function templateShape(file, source) {
  return new Shape(file, HINTS[source]);
}
function templateExports(doc, file, stack, options = {}) {
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const resources = readResources(template, void 0, shape, () => {
  });
  stack = withEnvironment(stack, options);
  const names = keyNames(template, resources, stack, { ...options, imports: /* @__PURE__ */ new Map() }, shape);
  const exports = /* @__PURE__ */ new Map();
  for (const [name, output] of outputsOf(template, shape)) {
    const exportName = isJsonObject(output.Export) ? output.Export.Name : void 0;
    if (typeof exportName !== "string") continue;
    const targets = findKeyTargets(output.Value, names, {
      refuse: (message, at) => shape.refuse(below(pathTo(pathTo("Outputs", name), "Value"), at), message)
    }).map((hit) => hit.target);
    if (targets.length > 0) exports.set(exportName, targets);
  }
  return exports;
}
function templateObject(doc, shape, source) {
  if (!isJsonObject(doc)) {
    throw new InputError(
      `the file holds ${jsonKind(doc)}; expected a CloudFormation template (an object with Resources)`,
      shape.file
    );
  }
  const expected = "an object of resources (logical id \u2192 {Type, Properties})";
  if (source === "cloudformation-template" || Object.hasOwn(doc, "Resources")) {
    shape.object(own(doc, "Resources"), "Resources", expected);
  }
  return doc;
}
function readResources(template, constructs, shape, warn) {
  const resources = /* @__PURE__ */ new Map();
  const entries = isJsonObject(template.Resources) ? template.Resources : {};
  for (const logicalId of Object.keys(entries)) {
    const resource = readResource(logicalId, entries[logicalId], constructs, shape, warn);
    resources.set(logicalId, resource);
  }
  return resources;
}
function readResource(logicalId, entry, constructs, shape, warn) {
  const path = pathTo("Resources", logicalId);
  if (logicalId.startsWith("Fn::ForEach::")) {
    shape.refuse(
      path,
      "Fn::ForEach loops (AWS::LanguageExtensions) are not expanded by this tool, so the resources they make cannot be checked; pass the processed template (aws cloudformation get-template --template-stage Processed)"
    );
  }
  const object = shape.object(entry, path, "a resource ({Type, Properties})");
  const type = shape.text(own(object, "Type"), pathTo(path, "Type"), "a resource type (a string)");
  const properties = shape.nullableObject(
    own(object, "Properties"),
    pathTo(path, "Properties"),
    "the resource's properties (an object)"
  );
  const construct = constructs?.get(logicalId);
  return {
    logicalId,
    type,
    properties: properties ?? {},
    deletionPolicy: deletionPolicyOf(own(object, "DeletionPolicy"), path, shape, warn),
    constructPath: construct?.path ?? templatePath(object.Metadata),
    creationStack: construct?.creationStack ?? []
  };
}
function deletionPolicyOf(policy, resourcePath, shape, warn) {
  if (policy === void 0 || policy === null) return "Delete";
  if (typeof policy === "string" && policy !== "") return policy;
  const path = pathTo(resourcePath, "DeletionPolicy");
  if (isJsonObject(policy) && intrinsicName(policy) === "Fn::If") {
    warn(`${path}: an Fn::If; read as Delete`);
    return "Delete";
  }
  return shape.fail(path, "Delete, Retain, RetainExceptOnCreate, Snapshot or an Fn::If", policy);
}
function templatePath(metadata) {
  const path = isJsonObject(metadata) ? metadata["aws:cdk:path"] : void 0;
  return typeof path === "string" && path !== "" ? path : null;
}
function nestedStackParameters(doc, file, stack, options, logicalId) {
  const source = options.source ?? "cloudformation-template";
  const shape = templateShape(file, source);
  const template = templateObject(doc, shape, source);
  const resources = readResources(template, void 0, shape, () => {
  });
  stack = withEnvironment(stack, options);
  const names = keyNames(template, resources, stack, options, shape);
  const passed = resources.get(logicalId)?.properties.Parameters;
  const parameters = /* @__PURE__ */ new Map();
  if (!isJsonObject(passed)) return parameters;
  const path = pathTo(pathTo(pathTo("Resources", logicalId), "Properties"), "Parameters");
  for (const name of Object.keys(passed)) {
    const targets = findKeyTargets(passed[name], names, {
      rootNamesKey: true,
      refuse: (message, at) => shape.refuse(below(pathTo(path, name), at), message)
    }).map((hit) => hit.target);
    parameters.set(name, targets);
  }
  return parameters;
}
function keyNames(template, resources, stack, options, shape, note = () => {
}) {
  const place = {
    partition: stack.region === null ? null : partitionOf(stack.region),
    region: stack.region,
    account: stack.account
  };
  const keys = /* @__PURE__ */ new Map();
  for (const resource of resources.values()) {
    if (!CFN_KEY_TYPES.includes(resource.type)) continue;
    keys.set(resource.logicalId, {
      kind: "stack-resource",
      stack: stack.name,
      region: stack.region,
      account: stack.account,
      logicalId: resource.logicalId,
      ...stack.parent ? { parent: stack.parent } : {}
    });
  }
  const overrides = options.parameterValues ?? /* @__PURE__ */ new Map();
  const passed = options.parameters ?? /* @__PURE__ */ new Map();
  const imports = options.imports ?? /* @__PURE__ */ new Map();
  const scope = {
    pseudo: pseudoParameters(
      {
        account: stack.account,
        region: stack.region,
        // A plain template's stack is named after its file until deployed; a nested one at deployment.
        stackName: (options.source ?? "cloudformation-template") === "cdk-assembly" && !stack.parent ? stack.name : null
      },
      overrides
    ),
    parameters: parameterValues(
      template,
      stack.name,
      overrides,
      passed,
      shape,
      options.base ? "ignore" : "refuse"
    ),
    mappings: isJsonObject(template.Mappings) ? template.Mappings : {},
    // An import of any export the assembly has is resolved by the exports' keys, or names none.
    exported: (name) => imports.has(name) || (options.exportNames?.has(name) ?? false),
    note
  };
  const refs = new Map(
    [...passed].filter(([name]) => !overrides.has(name))
  );
  const names = { keys, refs: new Map(refs), imports, place, scope };
  for (const resource of resources.values()) {
    if (resource.type !== CFN_ALIAS_TYPE) continue;
    const targets = aliasTargets(resource, names, shape);
    const aliasName = aliasNameOf(resource);
    if (targets.length > 0) refs.set(resource.logicalId, targets);
    else if (aliasName !== null) refs.set(resource.logicalId, [aliasNameTarget(aliasName, place)]);
  }
  return { ...names, refs };
}
function aliasTargets(resource, names, shape) {
  const path = pathTo(pathTo(pathTo("Resources", resource.logicalId), "Properties"), "TargetKeyId");
  return findKeyTargets(resource.properties.TargetKeyId, names, {
    rootNamesKey: true,
    refuse: (message, at) => shape.refuse(below(path, at), message)
  }).map((hit) => hit.target).filter((target) => target.kind !== "alias");
}
function aliasNameOf(resource) {
  const name = resource.properties.AliasName;
  return typeof name === "string" && isAliasName(name) ? name : null;
}
function resourceReferences(resource, base, names, shape, warn) {
  const { logicalId, type } = resource;
  const key = names.keys.get(logicalId);
  if (key !== void 0) return [makeReference(base, "key", null, key)];
  if (type === CFN_ALIAS_TYPE) {
    const targets = aliasTargets(resource, names, shape);
    if (targets.length === 0) {
      warn(
        `Resources.${logicalId}: the alias's TargetKeyId names no key this template declares or writes out (a parameter or an expression); skipped`
      );
    }
    const aliasName = aliasNameOf(resource);
    return targets.map((target) => makeReference(base, "alias", "TargetKeyId", target, aliasName));
  }
  const hits = findKeyTargets(resource.properties, names, {
    refuse: (message, at) => shape.refuse(below(pathTo(pathTo("Resources", logicalId), "Properties"), at), message)
  });
  return hits.map((hit) => makeReference(base, "consumer", hit.path || null, hit.target));
}
function outputReferences2(template, stack, source, names, shape) {
  const references = [];
  for (const [name, output] of outputsOf(template, shape)) {
    const base = {
      source,
      file: shape.file,
      address: `${stack.name}/Outputs/${name}`,
      resourceType: null,
      action: null
    };
    const hits = findKeyTargets(output.Value, names, {
      rootNamesKey: mentionsKey(name),
      refuse: (message, at) => shape.refuse(below(pathTo(pathTo("Outputs", name), "Value"), at), message)
    });
    for (const hit of hits) {
      references.push(makeReference(base, "output", hit.path || null, hit.target));
    }
  }
  return references;
}
function outputsOf(template, shape) {
  const outputs = shape.sectionObject(template, "Outputs", "Outputs", "an object of outputs");
  if (outputs === null) return [];
  const found = [];
  for (const name of Object.keys(outputs)) {
    const path = pathTo("Outputs", name);
    const output = shape.object(outputs[name], path, "an output ({Value, Export})");
    if (!Object.hasOwn(output, "Value"))
      shape.fail(pathTo(path, "Value"), "the output's value", void 0);
    found.push([name, output]);
  }
  return found;
}

// src/sources/cdk/assembly.ts
var NEWEST_MANIFEST_MAJOR = 55;
var MAX_ASSEMBLY_DEPTH = 8;
var MAX_NESTED_STACK_DEPTH = 8;
var MAX_NESTED_STACKS = 2e3;
var TEMPLATE_HINT = "this is not a template as the CDK writes it: synthesize the assembly again (cdk synth)";
var MANIFEST_HINT = "this is not a manifest as the CDK writes it: synthesize the assembly again (cdk synth)";
var METADATA_HINT = "this is not construct metadata as the CDK writes it: synthesize the assembly again (cdk synth)";
var ASSET_HINT = "this is not an asset manifest as the CDK writes it: synthesize the assembly again (cdk synth)";
var MANIFEST = "manifest.json";
var STACK_ARTIFACT = "aws:cloudformation:stack";
var NESTED_ASSEMBLY_ARTIFACT = "cdk:cloud-assembly";
var ASSET_MANIFEST_ARTIFACT = "cdk:asset-manifest";
var NESTED_STACK_TYPE = "AWS::CloudFormation::Stack";
var TEMPLATE_JSON = "a CloudFormation template (JSON)";
var MANIFEST_SECTIONS = ["artifacts"];
async function isCloudAssemblyDir(dir, files) {
  const text = await files.readText(join(dir, MANIFEST));
  if (text === null) return false;
  try {
    const manifest = JSON.parse(text);
    return isJsonObject(manifest) && isJsonObject(manifest.artifacts);
  } catch {
    return false;
  }
}
async function readCloudAssembly(dir, files, options = {}) {
  const root = resolve(dir);
  const realRoot = await files.realPath?.(root) ?? root;
  const reader = new AssemblyReader(files, dir, root, realRoot);
  await reader.readAssembly(dir, 0);
  return reader.finish(options.parameters ?? new ParameterOverrides(), options.base ?? false);
}
var AssemblyRoot = class {
  constructor(files, shown, resolved, real) {
    this.files = files;
    this.shown = shown;
    this.resolved = resolved;
    this.real = real;
  }
  files;
  shown;
  resolved;
  real;
  /**
   * `relative` joined to `dir` (a directory of the assembly), when it stays
   * inside the assembly directory, by its text and by its real path.
   *
   * @param shape and `path`: the file and JSON path that name `relative`, for the error.
   */
  async inside(dir, relative2, shape, path) {
    const joined = join(dir, relative2);
    if (isAbsolute(relative2) || !within(this.resolved, resolve(joined))) {
      shape.refuse(
        path,
        `${JSON.stringify(relative2)} leads out of the assembly directory ${this.shown}; an assembly only names files inside it`
      );
    }
    const real = await this.realPath(joined);
    if (real !== null && !within(this.real, real)) {
      shape.refuse(
        path,
        `${JSON.stringify(relative2)} leads out of the assembly directory ${this.shown} through a symbolic link (to ${real}); an assembly only names files inside it`
      );
    }
    return joined;
  }
  /** The real path of a file or directory of the assembly; null when there is none. */
  async realPath(path) {
    if (this.files.realPath === void 0) return resolve(path);
    return this.files.realPath(path);
  }
};
function within(root, path) {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}
var AssemblyReader = class {
  constructor(files, shownRoot, resolvedRoot, realRoot) {
    this.files = files;
    this.root = new AssemblyRoot(files, shownRoot, resolvedRoot, realRoot);
  }
  files;
  loaded = [];
  warnings = [];
  /** Real path → the path it was first read as: each directory is read once. */
  visitedDirs = /* @__PURE__ */ new Map();
  /** Templates by real path: a template that several nested stacks share is parsed once. */
  templates = /* @__PURE__ */ new Map();
  nestedStacks = 0;
  root;
  async readAssembly(dir, depth) {
    this.visitedDirs.set(await this.root.realPath(dir) ?? resolve(dir), dir);
    const manifestPath = join(dir, MANIFEST);
    const manifest = await this.readManifest(dir, manifestPath);
    const shape = new Shape(manifestPath, MANIFEST_HINT);
    const artifacts = isJsonObject(manifest.artifacts) ? manifest.artifacts : {};
    const assets = new AssetFiles(dir, artifacts, this.files, this.root, shape);
    for (const id of Object.keys(artifacts)) {
      const path = pathTo("artifacts", id);
      const artifact = shape.object(artifacts[id], path, "an artifact ({type, properties})");
      const type = shape.text(own(artifact, "type"), pathTo(path, "type"), "an artifact type");
      if (type === STACK_ARTIFACT) {
        await this.readStack(dir, shape, id, artifact, assets);
      } else if (type === NESTED_ASSEMBLY_ARTIFACT) {
        await this.readNestedAssembly(dir, shape, id, artifact, depth);
      }
    }
  }
  /** Every template's references, each template reading the keys the others export. */
  finish(overrides, base) {
    const valuesOf2 = new Map(
      this.loaded.map((template) => [template, overrides.forStack(template.stack.name)])
    );
    const exports = exportsByEnvironment(this.loaded, valuesOf2, base);
    const stacks = [];
    const references = [];
    const warnings = [...this.warnings];
    const notes = /* @__PURE__ */ new Set();
    const optionsOf = /* @__PURE__ */ new Map();
    for (const template of this.loaded) {
      const environment = exports.get(environmentKey(template.stack));
      const options = {
        source: "cdk-assembly",
        constructs: template.constructs,
        imports: environment?.keys ?? /* @__PURE__ */ new Map(),
        exportNames: environment?.names ?? /* @__PURE__ */ new Set(),
        parameters: parametersOf(template, optionsOf),
        parameterValues: valuesOf2.get(template) ?? /* @__PURE__ */ new Map(),
        base
      };
      optionsOf.set(template, options);
      const result = readTemplate(template.doc, template.file, template.stack, options);
      stacks.push(result.stack);
      references.push(...result.references);
      warnings.push(...result.warnings.map((warning) => `${template.file}: ${warning}`));
      for (const note of result.notes) notes.add(`${template.file}: ${note}`);
    }
    return { stacks, references, warnings, notes: [...notes] };
  }
  async readManifest(dir, manifestPath) {
    const text = await this.files.readText(manifestPath);
    if (text === null) {
      const isDir = await this.files.list(dir) !== null;
      throw new InputError(
        isDir ? `no ${MANIFEST} in this directory: expected a CDK cloud assembly (the cdk.out directory \`cdk synth\` writes)` : "no such directory: expected a CDK cloud assembly (the cdk.out directory `cdk synth` writes)",
        isDir ? manifestPath : dir
      );
    }
    const manifest = parseJson(text, manifestPath, "a CDK cloud assembly manifest", {
      sections: MANIFEST_SECTIONS
    });
    const version = isJsonObject(manifest) ? manifest.version : void 0;
    const artifacts = isJsonObject(manifest) ? manifest.artifacts : void 0;
    if (!isJsonObject(manifest) || typeof version !== "string" || artifacts !== void 0 && !isJsonObject(artifacts)) {
      throw new InputError(
        `not a CDK cloud assembly manifest: expected an object with a "version" string and an "artifacts" object (${describeManifest(manifest)})`,
        manifestPath
      );
    }
    const major = Number(/^(\d+)\./.exec(version)?.[1] ?? Number.NaN);
    if (major > NEWEST_MANIFEST_MAJOR) {
      this.warnings.push(
        `${manifestPath}: manifest version ${version} is newer than the newest this version of kms-usage-lint knows (${NEWEST_MANIFEST_MAJOR}.x); read as that`
      );
    }
    return manifest;
  }
  async readStack(dir, shape, id, artifact, assets) {
    const path = pathTo("artifacts", id);
    const propertiesPath = pathTo(path, "properties");
    const properties = shape.object(
      own(artifact, "properties"),
      propertiesPath,
      "the stack's properties (an object with templateFile)"
    );
    const templateFile = shape.text(
      own(properties, "templateFile"),
      pathTo(propertiesPath, "templateFile"),
      "the stack's template file (a string)"
    );
    const stackName = shape.nullableText(
      own(properties, "stackName"),
      pathTo(propertiesPath, "stackName"),
      "a stack name"
    );
    const environment = own(artifact, "environment");
    const env = environment === void 0 ? null : parseEnvironment(environment) ?? shape.fail(pathTo(path, "environment"), "aws://ACCOUNT/REGION", environment);
    const stack = {
      // The CDK writes stackName only when it differs from the artifact id.
      name: stackName ?? id,
      account: env?.account ?? null,
      region: env?.region ?? null,
      artifactId: id,
      parent: null
    };
    const metadata = own(artifact, "metadata");
    const entries = [
      ...metadata === void 0 ? [] : readMetadataMap(metadata, shape, pathTo(path, "metadata")),
      ...await this.readMetadataFile(dir, shape, id, own(artifact, "additionalMetadataFile"))
    ];
    const index = new ConstructIndex(entries, templateFile);
    const file = await this.root.inside(
      dir,
      templateFile,
      shape,
      pathTo(propertiesPath, "templateFile")
    );
    const doc = await this.readTemplateFile(file, `stack artifact ${JSON.stringify(id)}`);
    const real = await this.root.realPath(file) ?? resolve(file);
    const loaded = {
      doc,
      file,
      stack,
      constructs: index.constructs(null),
      parent: null
    };
    this.loaded.push(loaded);
    await this.readNestedStacks(loaded, null, { dir, id, index, assets }, [real]);
  }
  async readMetadataFile(dir, shape, id, file) {
    const at = pathTo(pathTo("artifacts", id), "additionalMetadataFile");
    const name = shape.nullableText(file, at, "a metadata file name");
    if (name === null) return [];
    const path = await this.root.inside(dir, name, shape, at);
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(
        `the metadata file of stack artifact ${JSON.stringify(id)} (its additionalMetadataFile) does not exist`,
        path
      );
    }
    const doc = parseJson(text, path, "CDK construct metadata (JSON)");
    return readMetadataMap(doc, new Shape(path, METADATA_HINT), "");
  }
  async readTemplateFile(path, owner) {
    const real = await this.root.realPath(path) ?? resolve(path);
    const read = this.templates.get(real);
    if (read !== void 0) return read;
    const doc = await this.parseTemplateFile(path, owner);
    this.templates.set(real, doc);
    return doc;
  }
  async parseTemplateFile(path, owner) {
    const text = await this.files.readText(path);
    if (text === null) {
      throw new InputError(`the template of ${owner} does not exist`, path);
    }
    const doc = parseJson(text, path, TEMPLATE_JSON, { sections: TEMPLATE_SECTIONS });
    if (!isJsonObject(doc)) {
      throw new InputError(`the file holds ${jsonKind(doc)}; expected ${TEMPLATE_JSON}`, path);
    }
    return doc;
  }
  /**
   * The nested stacks a template deploys: `AWS::CloudFormation::Stack`
   * resources, each read from its template in the assembly; one whose
   * template is not there stops the run.
   *
   * @param root the construct path of the nested stack `doc` belongs to; null for the artifact's own template.
   * @param ancestors the real paths of the templates from the artifact's own down to this one.
   */
  async readNestedStacks(template, root, context, ancestors) {
    const { doc, stack: parent } = template;
    const resources = isJsonObject(doc.Resources) ? doc.Resources : {};
    const shape = new Shape(template.file, TEMPLATE_HINT);
    for (const logicalId of Object.keys(resources)) {
      const resource = resources[logicalId];
      if (!isJsonObject(resource) || resource.Type !== NESTED_STACK_TYPE) continue;
      const resourcePath = pathTo("Resources", logicalId);
      const constructPath = context.index.constructs(root).get(logicalId)?.path ?? cdkPath(resource.Metadata);
      const nestedRoot = constructPath === null ? null : nestedStackPath(constructPath);
      const fromAsset = assetPath(resource.Metadata);
      const fromIndex = nestedRoot === null ? null : context.index.templateFile(nestedRoot);
      const fromUrl = fromAsset === null && fromIndex === null ? await context.assets.templateOf(resource.Properties) : null;
      const templateFile = fromAsset ?? fromIndex ?? fromUrl?.file ?? null;
      if (templateFile === null) {
        throw new InputError(
          `${pathTo(pathTo(resourcePath, "Properties"), "TemplateURL")}: nested stack ${parent.name}/${logicalId} (of stack artifact ${JSON.stringify(context.id)} in ${join(context.dir, MANIFEST)}) is deployed from a template outside the assembly (${templateUrlOf(resource.Properties)}), which cannot be read, so the keys it holds cannot be checked. Make its template part of the app (a cdk.NestedStack, or CfnInclude with loadNestedStacks), so that cdk synth writes it into the assembly`,
          template.file
        );
      }
      const [namer, namedAt] = fromAsset !== null ? [shape, pathTo(pathTo(resourcePath, "Metadata"), "aws:asset:path")] : fromIndex !== null ? [
        new Shape(template.file, TEMPLATE_HINT),
        `${pathTo(resourcePath, "Metadata")} (the construct metadata's aws:cdk:templateFile of stack artifact ${JSON.stringify(context.id)})`
      ] : fromUrl?.namedBy ?? [shape, resourcePath];
      const file = await this.root.inside(context.dir, templateFile, namer, namedAt);
      if (ancestors.length > MAX_NESTED_STACK_DEPTH) {
        shape.refuse(
          resourcePath,
          `nested stacks nested more than ${MAX_NESTED_STACK_DEPTH} deep; the tool reads ${MAX_NESTED_STACK_DEPTH} levels`
        );
      }
      const real = await this.root.realPath(file) ?? resolve(file);
      if (ancestors.includes(real)) {
        shape.refuse(
          resourcePath,
          `nested stack ${parent.name}/${logicalId} is deployed from ${file}, the template of the stack itself or of a stack it is nested in; CloudFormation would nest it without end`
        );
      }
      if (++this.nestedStacks > MAX_NESTED_STACKS) {
        shape.refuse(
          resourcePath,
          `more than ${MAX_NESTED_STACKS} nested stacks in the assembly; the tool reads ${MAX_NESTED_STACKS}`
        );
      }
      const nestedDoc = await this.readTemplateFile(
        file,
        `nested stack ${parent.name}/${logicalId}`
      );
      const stack = {
        // CloudFormation names a nested stack at deploy time
        // (`<parent>-<logicalId>-<random suffix>`); until the parent's
        // deployed resources say which, this placeholder stands for it.
        name: `${parent.name}-${logicalId}`,
        account: parent.account,
        region: parent.region,
        artifactId: `${parent.artifactId ?? parent.name}/${logicalId}`,
        parent: { stack: parent.name, logicalId, parent: parent.parent ?? null }
      };
      const constructs = nestedRoot === null ? /* @__PURE__ */ new Map() : context.index.constructs(nestedRoot);
      const nested = {
        doc: nestedDoc,
        file,
        stack,
        constructs,
        parent: { template, logicalId }
      };
      this.loaded.push(nested);
      await this.readNestedStacks(nested, nestedRoot, context, [...ancestors, real]);
    }
  }
  async readNestedAssembly(dir, shape, id, artifact, depth) {
    const path = pathTo("artifacts", id);
    const properties = shape.object(
      own(artifact, "properties"),
      pathTo(path, "properties"),
      "the nested assembly's properties (an object with directoryName)"
    );
    const at = pathTo(pathTo(path, "properties"), "directoryName");
    const directoryName = shape.text(
      own(properties, "directoryName"),
      at,
      "the nested assembly's directory (a string)"
    );
    const nested = await this.root.inside(dir, directoryName, shape, at);
    const real = await this.root.realPath(nested) ?? resolve(nested);
    const readAs = this.visitedDirs.get(real);
    if (readAs !== void 0) {
      this.warnings.push(
        `${shape.file}: nested assembly ${JSON.stringify(id)} (${nested}) is ${readAs}, read already; not read again`
      );
      return;
    }
    if (depth + 1 > MAX_ASSEMBLY_DEPTH) {
      shape.refuse(
        at,
        `nested assemblies nested more than ${MAX_ASSEMBLY_DEPTH} deep; the tool reads ${MAX_ASSEMBLY_DEPTH} levels`
      );
    }
    await this.readAssembly(nested, depth + 1);
  }
};
var AssetFiles = class {
  constructor(dir, artifacts, files, root, manifest) {
    this.dir = dir;
    this.artifacts = artifacts;
    this.files = files;
    this.root = root;
    this.manifest = manifest;
  }
  dir;
  artifacts;
  files;
  root;
  manifest;
  sources = null;
  /** The template file a nested stack's `TemplateURL` names, or null. */
  async templateOf(properties) {
    const url = isJsonObject(properties) ? properties.TemplateURL : void 0;
    const hash = assetHash(url);
    if (hash === null) return null;
    this.sources ??= await this.load();
    return this.sources.get(hash) ?? null;
  }
  async load() {
    const sources = /* @__PURE__ */ new Map();
    for (const id of Object.keys(this.artifacts)) {
      const artifact = this.artifacts[id];
      if (!isJsonObject(artifact) || artifact.type !== ASSET_MANIFEST_ARTIFACT) continue;
      const at = pathTo(pathTo(pathTo("artifacts", id), "properties"), "file");
      const properties = isJsonObject(artifact.properties) ? artifact.properties : {};
      const name = this.manifest.text(own(properties, "file"), at, "the asset manifest's file");
      const path = await this.root.inside(this.dir, name, this.manifest, at);
      const text = await this.files.readText(path);
      if (text === null) {
        throw new InputError(
          `the asset manifest of artifact ${JSON.stringify(id)} does not exist; nested stack templates are found through it`,
          path
        );
      }
      const shape = new Shape(path, ASSET_HINT);
      const doc = shape.object(
        parseJson(text, path, "a CDK asset manifest (JSON)"),
        "",
        "an object"
      );
      const entries = shape.sectionObject(doc, "files", "files", "an object of file assets") ?? {};
      for (const hash of Object.keys(entries)) {
        const entryPath = pathTo("files", hash);
        const entry = shape.object(
          entries[hash],
          entryPath,
          "a file asset ({source, destinations})"
        );
        const sourcePath = pathTo(entryPath, "source");
        const source = shape.object(own(entry, "source"), sourcePath, "the asset's source");
        const file = shape.nullableText(own(source, "path"), pathTo(sourcePath, "path"), "a path");
        if (file !== null) {
          sources.set(hash, { file, namedBy: [shape, pathTo(sourcePath, "path")] });
        }
      }
    }
    return sources;
  }
};
var ASSET_KEY_RE = /([0-9a-f]{64})\.json$/;
function assetHash(url) {
  if (typeof url === "string") return ASSET_KEY_RE.exec(url)?.[1] ?? null;
  const join6 = isJsonObject(url) ? url["Fn::Join"] : void 0;
  const parts = Array.isArray(join6) && Array.isArray(join6[1]) ? join6[1] : [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (typeof part === "string") return ASSET_KEY_RE.exec(part)?.[1] ?? null;
  }
  return null;
}
function templateUrlOf(properties) {
  const url = isJsonObject(properties) ? own(properties, "TemplateURL") : void 0;
  const hash = assetHash(url);
  if (hash !== null) return `file asset ${hash}, which no asset manifest of the assembly lists`;
  if (typeof url === "string") return describeFound(url);
  return url === void 0 ? "no TemplateURL" : "a TemplateURL built by an expression";
}
function assetPath(metadata) {
  const path = isJsonObject(metadata) ? metadata["aws:asset:path"] : void 0;
  return typeof path === "string" && path !== "" ? path : null;
}
function cdkPath(metadata) {
  const path = isJsonObject(metadata) ? metadata["aws:cdk:path"] : void 0;
  return typeof path === "string" && path !== "" ? path : null;
}
var ENVIRONMENT_RE = /^aws:\/\/([^/]+)\/([^/]+)$/;
function parseEnvironment(environment) {
  const m = typeof environment === "string" ? ENVIRONMENT_RE.exec(environment) : null;
  if (m === null) return null;
  const [, account, region] = m;
  return {
    account: account === "unknown-account" ? null : account ?? null,
    region: region === "unknown-region" ? null : region ?? null
  };
}
function exportsByEnvironment(templates, valuesOf2, base) {
  const exports = /* @__PURE__ */ new Map();
  for (const template of templates) {
    const { doc, file, stack } = template;
    const env = environmentKey(stack);
    const found = exports.get(env) ?? { names: /* @__PURE__ */ new Set(), keys: /* @__PURE__ */ new Map() };
    exports.set(env, found);
    const outputs = isJsonObject(doc.Outputs) ? doc.Outputs : {};
    for (const output of Object.values(outputs)) {
      const name = isJsonObject(output) && isJsonObject(output.Export) ? output.Export.Name : null;
      if (typeof name === "string") found.names.add(name);
    }
    const options = {
      source: "cdk-assembly",
      parameterValues: valuesOf2.get(template) ?? /* @__PURE__ */ new Map(),
      base
    };
    for (const [name, targets] of templateExports(doc, file, stack, options)) {
      found.keys.set(name, targets);
    }
  }
  return exports;
}
function parametersOf(template, optionsOf) {
  const parent = template.parent;
  if (parent === null) return /* @__PURE__ */ new Map();
  const { doc, file, stack } = parent.template;
  const options = optionsOf.get(parent.template) ?? {};
  return nestedStackParameters(doc, file, stack, options, parent.logicalId);
}
function environmentKey(stack) {
  return `${stack.account ?? "?"}/${stack.region ?? "?"}`;
}
function describeManifest(manifest) {
  if (!isJsonObject(manifest)) return `the file holds ${jsonKind(manifest)}`;
  const keys = Object.keys(manifest).slice(0, 5).map((key) => JSON.stringify(key));
  return keys.length === 0 ? "the object is empty" : `it has ${keys.join(", ")}`;
}

// src/sources/cdk/cfn-yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_TEMPLATE_ALIAS_COUNT = 100;
var MAX_YAML_TEMPLATE_CHARS = 1024 * 1024;
var MAX_YAML_NESTING = 100;
var EXPECTED = "a CloudFormation template (JSON or YAML)";
function parseTemplateText(text, file) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed === "") throw new InputError(`the file is empty; expected ${EXPECTED}`, file);
  if (trimmed.startsWith("{")) {
    return { doc: parseJson(body, file, EXPECTED, { sections: TEMPLATE_SECTIONS }), warnings: [] };
  }
  return parseYamlTemplate(body, file);
}
function parseYamlTemplate(text, file) {
  if (text.length > MAX_YAML_TEMPLATE_CHARS) {
    throw new InputError(
      `the file is ${text.length} characters long; a YAML template over ${MAX_YAML_TEMPLATE_CHARS} characters is not read (CloudFormation's own limit is 1 MB)`,
      file
    );
  }
  const deep = deepLine(text, MAX_YAML_NESTING);
  if (deep !== null) {
    throw new InputError(
      `YAML nests more than ${MAX_YAML_NESTING} levels deep; too deep to be a CloudFormation template`,
      file,
      deep
    );
  }
  const lineCounter = new import_yaml.LineCounter();
  const lineOf = (offset) => lineCounter.linePos(Math.max(0, offset)).line;
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, {
      lineCounter,
      // Prettified errors quote the source around the error, which on a huge
      // single-line input is itself costly; we place errors ourselves.
      prettyErrors: false,
      // AWS documents CloudFormation as YAML 1.1 without the binary, omap,
      // pairs, set and timestamp types: `2010-09-09` stays a string.
      version: "1.1",
      customTags: cloudFormationTags,
      // The parser's duplicate-key check is quadratic (a 1 MB map of short
      // keys takes over a minute): repeated keys are looked for below, where
      // they can drop a resource, in linear time.
      uniqueKeys: false
    });
  } catch (err) {
    throw tooDeep(err, file);
  }
  const error = doc.errors[0];
  if (error !== void 0) {
    const message = error.code === "RESOURCE_EXHAUSTION" ? "YAML nests too deeply to be a CloudFormation template" : `not valid YAML: ${error.message}`;
    throw new InputError(message, file, lineOf(error.pos[0]), { cause: error });
  }
  checkDuplicateKeys(doc.contents, file, lineCounter);
  const warnings = doc.warnings.map(
    (warning) => `line ${lineOf(warning.pos[0])}: ${warning.message}; read as a plain value`
  );
  try {
    return { doc: doc.toJS({ maxAliasCount: MAX_TEMPLATE_ALIAS_COUNT }), warnings };
  } catch (err) {
    if (err instanceof ReferenceError) {
      throw new InputError(
        `YAML aliases expand to too many nodes (limit ${MAX_TEMPLATE_ALIAS_COUNT}); refusing what looks like an alias bomb`,
        file,
        null,
        { cause: err }
      );
    }
    throw tooDeep(err, file);
  }
}
function checkDuplicateKeys(contents, file, lineCounter) {
  if (!(0, import_yaml.isMap)(contents)) return;
  checkMapKeys(contents, "", file, lineCounter);
  for (const pair of contents.items) {
    const name = keyName(pair.key);
    if (name !== null && TEMPLATE_SECTIONS.includes(name) && (0, import_yaml.isMap)(pair.value)) {
      checkMapKeys(pair.value, name, file, lineCounter);
    }
  }
}
function checkMapKeys(map, section, file, lineCounter) {
  const seen = /* @__PURE__ */ new Map();
  for (const pair of map.items) {
    const name = keyName(pair.key);
    if (name === null || name === "<<") continue;
    const offset = pair.key.range?.[0] ?? 0;
    const first = seen.get(name);
    if (first !== void 0) {
      const again = lineCounter.linePos(offset);
      const firstLine = lineCounter.linePos(first).line;
      throw duplicateKeyError(file, name, section, firstLine, again.line, again.col);
    }
    seen.set(name, offset);
  }
}
function keyName(key) {
  if ((0, import_yaml.isScalar)(key)) return key.value === null ? "" : String(key.value);
  return key === null || key === void 0 ? null : String(key);
}
var MARKERS = /* @__PURE__ */ new Set([import_yaml.CST.DOCUMENT, import_yaml.CST.FLOW_END, import_yaml.CST.SCALAR]);
function deepLine(text, limit) {
  let flow = 0;
  const columns = [];
  let column = 0;
  let line = 1;
  let lineStart = true;
  for (const token of new import_yaml.Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const type = import_yaml.CST.tokenType(token);
    if (type === "newline") {
      column = 0;
      line += 1;
      lineStart = true;
      continue;
    }
    if (type === "space" || type === "comment") {
      column += token.length;
      continue;
    }
    if (type === "doc-start") columns.length = 0;
    else if (type === "flow-map-start" || type === "flow-seq-start") flow += 1;
    else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
    else if (flow === 0 && (lineStart || type === "seq-item-ind" || type === "explicit-key-ind")) {
      enterColumn(columns, column);
    }
    if (flow + columns.length > limit) return line;
    const lastBreak = token.lastIndexOf("\n");
    if (lastBreak === -1) {
      column += token.length;
      lineStart = false;
    } else {
      line += countBreaks(token);
      column = token.length - lastBreak - 1;
      lineStart = column === 0;
    }
  }
  return null;
}
function enterColumn(columns, column) {
  while (columns.length > 0 && (columns[columns.length - 1] ?? 0) > column) columns.pop();
  if (columns.length === 0 || (columns[columns.length - 1] ?? 0) < column) columns.push(column);
}
function countBreaks(token) {
  let count = 0;
  for (let i = token.indexOf("\n"); i !== -1; i = token.indexOf("\n", i + 1)) count += 1;
  return count;
}
function tooDeep(err, file) {
  if (!(err instanceof RangeError)) return err;
  return new InputError("YAML nests too deeply to be a CloudFormation template", file, null, {
    cause: err
  });
}
var FUNCTIONS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "If",
  "Equals",
  "Not",
  "And",
  "Or",
  "Contains",
  "EachMemberEquals",
  "EachMemberIn",
  "RefAll",
  "ValueOf",
  "ValueOfAll",
  "ToJsonString",
  "Length"
];
var UNSUPPORTED_TYPES = /* @__PURE__ */ new Set([
  "tag:yaml.org,2002:binary",
  "tag:yaml.org,2002:omap",
  "tag:yaml.org,2002:pairs",
  "tag:yaml.org,2002:set",
  "tag:yaml.org,2002:timestamp"
]);
var BOOL = "tag:yaml.org,2002:bool";
var BOOLEANS = [
  {
    tag: BOOL,
    default: true,
    identify: (value) => value === true,
    test: /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => true
  },
  {
    tag: BOOL,
    default: true,
    identify: (value) => value === false,
    test: /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => false
  }
];
function cloudFormationTags(defaults) {
  const kept = defaults.filter(keepsTag);
  const functions = [
    ...BOOLEANS,
    ...intrinsicTags("!Ref", "Ref"),
    ...intrinsicTags("!Condition", "Condition")
  ];
  for (const name of FUNCTIONS) functions.push(...intrinsicTags(`!${name}`, `Fn::${name}`));
  return [...kept, ...functions];
}
function keepsTag(tag) {
  if (typeof tag === "string") return true;
  if (UNSUPPORTED_TYPES.has(tag.tag) || tag.tag === BOOL) return false;
  return tag.format !== "TIME";
}
function intrinsicTags(tag, key) {
  const scalar = (value) => key === "Fn::GetAtt" ? { [key]: splitGetAtt(value) } : { [key]: value };
  const collection = (value) => {
    const map = new import_yaml.YAMLMap();
    map.items.push(new import_yaml.Pair(new import_yaml.Scalar(key), value));
    return map;
  };
  return [
    { tag, resolve: scalar },
    { tag, collection: "seq", resolve: collection },
    { tag, collection: "map", resolve: collection }
  ];
}
function splitGetAtt(value) {
  const dot = value.indexOf(".");
  return dot === -1 ? value : [value.slice(0, dot), value.slice(dot + 1)];
}

// src/sources/cdk/changes.ts
var DEPLOYED_HINT = "the deployed template cannot be compared: take the facts snapshot again, or compare with the base branch's assembly (--cdk-base)";
function diffStacks(base, head, source) {
  const unmatched = [...base];
  const refs = [];
  for (const stack of head) {
    const match = takeMatch(stack, unmatched);
    refs.push(...compareStack(match === null ? null : sideOf(match), stack, source));
  }
  for (const stack of unmatched) {
    const kept = keptNestedStackPolicy(stack, base);
    for (const resource of keyResources(stack.resources)) {
      refs.push(removedKey(resource, sideOf(stack), source, kept ?? resource.deletionPolicy));
    }
  }
  return refs;
}
function diffDeployed(deployedTemplate, head, source = "cdk-assembly") {
  if (deployedTemplate === null || deployedTemplate === void 0) {
    return compareStack(null, head, source);
  }
  const resources = deployedResources(deployedTemplate, head.name);
  const base = { stack: head, file: head.templateFile, resources };
  return compareStack(base, head, source);
}
function removedNestedStacks(deployedTemplate, head) {
  const resources = deployedResources(deployedTemplate, head.name);
  return nestedStacksOf(resources).filter((nested) => !head.resources.has(nested.logicalId));
}
function removedStackKeys(deployedTemplate, stack, file, kept, source = "cdk-assembly") {
  const resources = deployedResources(deployedTemplate, stack.name);
  const side = { stack, file, resources };
  const references = keyResources(resources).map(
    (resource) => removedKey(resource, side, source, kept ?? resource.deletionPolicy)
  );
  return { references, nested: nestedStacksOf(resources) };
}
function deployedResources(deployedTemplate, stackName) {
  const label = `the deployed template of stack ${stackName}`;
  const doc = typeof deployedTemplate === "string" ? parseTemplateText(deployedTemplate, label).doc : deployedTemplate;
  const section = isJsonObject(doc) ? doc.Resources : void 0;
  if (!isJsonObject(doc) || section !== void 0 && !isJsonObject(section)) {
    throw new InputError("not a CloudFormation template: expected an object of Resources", label);
  }
  const shape = new Shape(label, DEPLOYED_HINT);
  return readResources(doc, void 0, shape, () => {
  });
}
var NESTED_STACK_TYPE2 = "AWS::CloudFormation::Stack";
function nestedStacksOf(resources) {
  return [...resources.values()].filter((resource) => resource.type === NESTED_STACK_TYPE2).map((resource) => ({
    logicalId: resource.logicalId,
    retains: RETAINING_POLICIES.has(resource.deletionPolicy) ? resource.deletionPolicy : null
  }));
}
function sideOf(stack) {
  return { stack, file: stack.templateFile, resources: stack.resources };
}
function compareStack(base, head, source) {
  const refs = [];
  for (const resource of keyResources(head.resources)) {
    const before = base?.resources.get(resource.logicalId);
    const comparison = before === void 0 ? CREATED : compareKey(before, resource);
    refs.push(keyReference(resource, sideOf(head), source, comparison));
  }
  if (base === null) return refs;
  for (const resource of keyResources(base.resources)) {
    const now = head.resources.get(resource.logicalId);
    if (now === void 0) {
      refs.push(removedKey(resource, base, source, resource.deletionPolicy));
    } else if (!isKey(now)) {
      refs.push(keyReference(resource, sideOf(head), source, compareKey(resource, now)));
    }
  }
  return refs;
}
var CREATED = {
  action: "create",
  deletionWindowDays: null,
  disables: false,
  failure: null
};
var UNCHANGED = {
  action: "none",
  deletionWindowDays: null,
  disables: false,
  failure: null
};
function removedKey(resource, side, source, policy) {
  const orphan = RETAINING_POLICIES.has(policy);
  const comparison = {
    action: orphan ? "orphan" : "delete",
    // An orphaned key schedules no deletion. Absent, CloudFormation deletes
    // with KMS's default of 30 days; null says "not given", as Terraform's is.
    deletionWindowDays: orphan ? null : windowDays(resource.properties),
    disables: false,
    failure: null
  };
  return keyReference(resource, side, source, comparison);
}
var RETAINING_POLICIES = /* @__PURE__ */ new Set(["Retain", "RetainExceptOnCreate"]);
function keptNestedStackPolicy(stack, base) {
  const parent = stack.parent;
  if (parent === null) return null;
  const parentStack = base.find(
    (s) => s.name === parent.stack && s.account === stack.account && s.region === stack.region
  );
  const policy = parentStack?.resources.get(parent.logicalId)?.deletionPolicy;
  return policy !== void 0 && RETAINING_POLICIES.has(policy) ? policy : null;
}
function keyReference(resource, side, source, comparison) {
  const { stack } = side;
  const address = resource.constructPath ?? `${stack.name}/${resource.logicalId}`;
  const { action, deletionWindowDays: deletionWindowDays2, disables: disables2, failure } = comparison;
  return {
    source,
    kind: "key",
    file: side.file,
    address,
    resourceType: resource.type,
    attribute: null,
    target: {
      kind: "stack-resource",
      stack: stack.name,
      region: stack.region,
      account: stack.account,
      logicalId: resource.logicalId,
      ...stack.parent ? { parent: stack.parent } : {}
    },
    action,
    change: { action, source, address, deletionWindowDays: deletionWindowDays2, disables: disables2, failure },
    // The CDK locator fills it in, from the head revision's code.
    location: null,
    suppressions: []
  };
}
function isKey(resource) {
  return CFN_KEY_TYPES.includes(resource.type);
}
function keyResources(resources) {
  return [...resources.values()].filter(isKey);
}
function takeMatch(head, candidates) {
  let index = candidates.findIndex(
    (s) => s.name === head.name && s.account === head.account && s.region === head.region
  );
  if (index < 0) {
    const agrees = (a, b) => a === null || b === null || a === b;
    const loose = candidates.flatMap(
      (s, i) => s.name === head.name && agrees(s.account, head.account) && agrees(s.region, head.region) ? [i] : []
    );
    index = loose.length === 1 ? loose[0] ?? -1 : -1;
  }
  if (index < 0) return null;
  const [match] = candidates.splice(index, 1);
  return match ?? null;
}
var DEFAULT_WINDOW_DAYS = 30;
var PROPERTY_DEFAULTS = {
  Enabled: true,
  EnableKeyRotation: false,
  KeySpec: "SYMMETRIC_DEFAULT",
  KeyUsage: "ENCRYPT_DECRYPT",
  Origin: "AWS_KMS",
  MultiRegion: false,
  PendingWindowInDays: DEFAULT_WINDOW_DAYS
};
var IMMUTABLE_KEY_PROPERTIES = [
  "KeySpec",
  "KeyUsage",
  "Origin",
  "MultiRegion"
];
function compareKey(before, after) {
  if (before.type !== after.type) {
    return {
      ...UNCHANGED,
      action: "update",
      failure: `CloudFormation cannot change the type of resource ${after.logicalId} (${before.type} \u2192 ${after.type}); the stack update will fail. Give the new key a new logical id instead.`
    };
  }
  const old = canonical(before.properties);
  const now = canonical(after.properties);
  const disables2 = old.Enabled !== false && now.Enabled === false;
  const windowChanged = !sameValue(old.PendingWindowInDays, now.PendingWindowInDays);
  const deletionWindowDays2 = windowChanged ? windowDays(after.properties) : null;
  if (after.type === "AWS::KMS::ReplicaKey" && !sameValue(old.PrimaryKeyArn, now.PrimaryKeyArn)) {
    return {
      action: "replace",
      deletionWindowDays: windowDays(before.properties),
      disables: disables2,
      failure: null
    };
  }
  const failure = after.type === "AWS::KMS::Key" ? immutableChange(old, now) : null;
  const changed = failure !== null || before.deletionPolicy !== after.deletionPolicy || !sameValue(old, now);
  if (!changed) return UNCHANGED;
  return { action: "update", deletionWindowDays: deletionWindowDays2, disables: disables2, failure };
}
function canonical(properties) {
  const out = { ...properties };
  for (const [name, absent] of Object.entries(PROPERTY_DEFAULTS)) {
    const value = setting(out[name], absent);
    if (value === absent) delete out[name];
    else if (value !== null) out[name] = value;
  }
  return out;
}
function immutableChange(old, now) {
  const changes = [];
  for (const name of IMMUTABLE_KEY_PROPERTIES) {
    const absent = PROPERTY_DEFAULTS[name] ?? null;
    const from = absent === null ? null : setting(old[name], absent);
    const to = absent === null ? null : setting(now[name], absent);
    if (from === null || to === null || from === to) continue;
    changes.push({ name, from: String(from), to: String(to) });
  }
  if (changes.length === 0) return null;
  const names = listWords(changes.map((c) => c.name));
  const values = changes.length === 1 ? changes.map((c) => `${c.from} \u2192 ${c.to}`) : changes.map((c) => `${c.name} ${c.from} \u2192 ${c.to}`);
  return `CloudFormation cannot change ${names} of an existing key (${values.join(", ")}); the stack update will fail. Create a new key instead.`;
}
function setting(value, absent) {
  if (value === void 0 || value === null) return absent;
  if (typeof absent === "boolean") {
    if (value === true || value === "true") return true;
    if (value === false || value === "false") return false;
    return null;
  }
  if (typeof absent === "number") {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : null;
  }
  return typeof value === "string" ? value : null;
}
function windowDays(properties) {
  const value = properties.PendingWindowInDays;
  if (value === void 0) return null;
  const days = setting(value, DEFAULT_WINDOW_DAYS);
  return typeof days === "number" ? days : null;
}
function sameValue(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isJsonObject(a) || !isJsonObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}

// src/sources/cdk/locate.ts
import { join as join3, resolve as resolve2 } from "node:path";

// src/sources/cdk/gitignore.ts
import { join as join2 } from "node:path";
async function isGitIgnored(file, repoRoot, read) {
  const parts = file.split("/");
  const rules = [];
  for (let depth = 0; depth < parts.length; depth += 1) {
    const dir = join2(repoRoot, ...parts.slice(0, depth));
    const text = await read(join2(dir, ".gitignore"));
    if (text === null) continue;
    for (const line of text.split(/\r?\n/)) {
      const rule = ignoreRule(line.trim(), depth);
      if (rule !== null) rules.push(rule);
    }
  }
  for (let n = 1; n <= parts.length; n += 1) {
    const isDir = n < parts.length;
    let ignored = false;
    for (const rule of rules) {
      if (rule.depth < n && matches(rule, parts.slice(rule.depth, n), isDir)) {
        ignored = !rule.negated;
      }
    }
    if (ignored || !isDir) return ignored;
  }
  return false;
}
function ignoreRule(line, depth) {
  if (line === "" || line.startsWith("#")) return null;
  const negated = line.startsWith("!");
  const body = negated ? line.slice(1) : line;
  const dirOnly = body.endsWith("/");
  const glob = body.replace(/^\/|\/$/g, "");
  if (glob === "") return null;
  let pattern;
  try {
    pattern = new RegExp(`^${globToRegExp(glob)}$`);
  } catch {
    return null;
  }
  return { depth, negated, dirOnly, anchored: body.slice(0, -1).includes("/"), pattern };
}
function matches(rule, below2, isDir) {
  if (rule.dirOnly && !isDir) return false;
  const subject = rule.anchored ? below2.join("/") : below2[below2.length - 1];
  return subject !== void 0 && rule.pattern.test(subject);
}
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] ?? "";
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}

// src/sources/cdk/js-comments.ts
function blankComments(text) {
  const out = text.split("");
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '"' || c === "'" || c === "`") {
      i += 1;
      while (i < text.length && text[i] !== c && (c === "`" || text[i] !== "\n")) {
        i += text[i] === "\\" ? 2 : 1;
      }
      i += 1;
    } else if (c === "/" && (next === "/" || next === "*")) {
      const stop = commentEnd(text, i);
      for (let j = i; j < stop; j += 1) if (out[j] !== "\n") out[j] = " ";
      i = stop;
    } else {
      i += 1;
    }
  }
  return out.join("");
}
function commentEnd(text, start) {
  if (text[start + 1] === "/") {
    const newline = text.indexOf("\n", start);
    return newline < 0 ? text.length : newline;
  }
  const close = text.indexOf("*/", start + 2);
  return close < 0 ? text.length : close + 2;
}

// src/sources/cdk/locate.ts
async function locateCdk(refs, stacks, options) {
  const context = new Context(stacks, options);
  return Promise.all(
    refs.map(async (ref) => {
      if (ref.location !== null) return ref;
      const found = context.resourceOf(ref);
      if (found === null) return ref;
      const location = await locateResource(found, context);
      return location === null ? ref : { ...ref, location };
    })
  );
}
var CLOUDFORMATION_SOURCES = /* @__PURE__ */ new Set([
  "cdk-assembly",
  "cloudformation-template"
]);
async function locateResource(found, context) {
  const { resource } = found;
  if (resource.creationStack.length > 0) {
    const fromFrame = await fromCreationStack(resource.creationStack, context);
    if (fromFrame !== null) return fromFrame;
  }
  return await fromAppSources(resource, context) ?? await fromTemplate(found, context);
}
var Context = class {
  constructor(stacks, options) {
    this.stacks = stacks;
    this.options = options;
    this.workingDir = resolve2(options.workingDir ?? process.cwd());
    this.repoRoot = resolve2(this.workingDir, options.repoRoot);
  }
  stacks;
  options;
  repoRoot;
  workingDir;
  texts = /* @__PURE__ */ new Map();
  sources = null;
  shapes = null;
  addresses = null;
  /** The text of a file (absolute path), read once; null when it cannot be read or is binary. */
  read(path) {
    let text = this.texts.get(path);
    if (text === void 0) {
      text = this.options.files.readText(path).then((t) => t === null || t.includes("\0") ? null : t);
      this.texts.set(path, text);
    }
    return text;
  }
  /** The app's source files, scanned on first need; null when there is no app or it is too large. */
  appSources() {
    this.sources ??= scanAppSources(this);
    return this.sources;
  }
  /** The resource a reference was read from; null unless exactly one fits. */
  resourceOf(ref) {
    if (!CLOUDFORMATION_SOURCES.has(ref.source) || ref.kind === "output") return null;
    if (ref.address === null) return null;
    const file = resolve2(this.workingDir, ref.file);
    const target = ref.kind === "key" && ref.target.kind === "stack-resource" ? ref.target : null;
    const found = (this.byAddress().get(placeKey(file, ref.address)) ?? []).filter(
      ({ resource }) => target === null || target.logicalId === resource.logicalId
    );
    return found.length === 1 ? found[0] ?? null : null;
  }
  /**
   * Every resource by its template file (absolute) and address, indexed on first need:
   * an assembly of many (nested) stacks has as many references as resources, and a
   * scan of every resource for each would cost their product.
   */
  byAddress() {
    if (this.addresses === null) {
      this.addresses = /* @__PURE__ */ new Map();
      for (const stack of this.stacks) {
        const file = resolve2(this.workingDir, stack.templateFile);
        for (const resource of stack.resources.values()) {
          const id = placeKey(file, resourceAddress(stack, resource));
          const list = this.addresses.get(id) ?? [];
          list.push({ stack, resource });
          this.addresses.set(id, list);
        }
      }
    }
    return this.addresses;
  }
  /** Whether git ignores `file` (repository-relative); each `.gitignore` is read once. */
  isIgnored(file) {
    return isGitIgnored(file, this.repoRoot, (path) => this.read(path));
  }
  /** The shapes (see `constructShape`) of the resources with a construct id, indexed on first need. */
  shapesOf(id) {
    if (this.shapes === null) {
      this.shapes = /* @__PURE__ */ new Map();
      for (const stack of this.stacks) {
        for (const resource of stack.resources.values()) {
          const path = resource.constructPath;
          const key = path === null ? null : constructId(path);
          if (path === null || key === null) continue;
          const set = this.shapes.get(key) ?? /* @__PURE__ */ new Set();
          set.add(constructShape(resource.type, path));
          this.shapes.set(key, set);
        }
      }
    }
    return this.shapes.get(id) ?? /* @__PURE__ */ new Set();
  }
};
function placeKey(file, address) {
  return `${file}\0${address}`;
}
function resourceAddress(stack, resource) {
  return resource.constructPath ?? `${stack.name}/${resource.logicalId}`;
}
var MAX_FRAME_SEGMENTS = 64;
async function fromCreationStack(frames, context) {
  const frame = firstUserFrame(frames);
  if (frame === null) return null;
  const file = await mapToRepository(frame.segments, context);
  if (file === null || await context.isIgnored(file)) return null;
  const text = await context.read(join3(context.repoRoot, file));
  if (text === null || frame.line > lineCount(text)) return null;
  return { file, line: frame.line };
}
function firstUserFrame(frames) {
  for (const raw of frames) {
    const text = raw.trim();
    if (text.startsWith("...")) continue;
    const frame = parseFrame(text);
    if (frame === null || isLibraryPath(frame.segments)) continue;
    return frame;
  }
  return null;
}
var FRAME_RE = /^(.*?) \((.*)\)$/;
var LOCATION_RE = /^(.*?):(\d+)(?::\d+)?$/;
function parseFrame(frame) {
  const text = frame.startsWith("at ") ? frame.slice(3) : frame;
  const call = FRAME_RE.exec(text);
  let location = text;
  if (call !== null) {
    const inParens = call[2] ?? "";
    location = inParens === ":" || inParens === "" ? call[1] ?? "" : inParens;
  }
  const match = LOCATION_RE.exec(location);
  const line = Number(match?.[2]);
  const segments = match?.[1] === void 0 ? null : absoluteSegments(match[1]);
  if (segments === null || !Number.isSafeInteger(line) || line < 1) return null;
  return { segments, line };
}
function absoluteSegments(path) {
  let rest = path;
  if (path.startsWith("file://")) {
    try {
      rest = decodeURIComponent(path.slice("file://".length));
    } catch {
      return null;
    }
  } else if (!/^(?:\/|\\\\|[A-Za-z]:[\\/])/.test(path)) {
    return null;
  }
  const segments = rest.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  if (segments[0] !== void 0 && /^[A-Za-z]:$/.test(segments[0])) segments.shift();
  if (segments.length === 0 || segments.length > MAX_FRAME_SEGMENTS || segments.includes("..")) {
    return null;
  }
  return segments;
}
var LIBRARY_SEGMENTS = /* @__PURE__ */ new Set([
  "node_modules",
  "aws-cdk-lib",
  "site-packages",
  "dist-packages"
]);
function isLibraryPath(segments) {
  return segments.some((segment) => LIBRARY_SEGMENTS.has(segment));
}
async function mapToRepository(segments, context) {
  for (let i = 0; i < segments.length; i += 1) {
    const candidate = segments.slice(i).join("/");
    if (await hasTypeScriptSource(candidate, context)) return null;
    if (await context.read(join3(context.repoRoot, candidate)) !== null) return candidate;
  }
  return null;
}
var COMPILED = [
  [".js", [".ts", ".tsx"]],
  [".jsx", [".tsx"]],
  [".mjs", [".mts"]],
  [".cjs", [".cts"]]
];
async function hasTypeScriptSource(file, context) {
  for (const [js, sources] of COMPILED) {
    if (!file.endsWith(js)) continue;
    const stem = file.slice(0, -js.length);
    for (const ts of sources) {
      if (await context.read(join3(context.repoRoot, stem + ts)) !== null) return true;
    }
  }
  return false;
}
function lineCount(text) {
  let count = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "cdk.out", "dist", "coverage"]);
var SOURCE_EXTENSIONS = [
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".js",
  ".jsx",
  ".mjs",
  ".cjs"
];
var MAX_APP_FILES = 2e3;
var MAX_APP_DEPTH = 16;
var MAX_SOURCE_CHARS = 1e6;
async function fromAppSources(resource, context) {
  const path = resource.constructPath;
  const id = path === null ? null : constructId(path);
  if (id === null || !uniqueInAssembly(resource, id, context)) return null;
  const sources = await context.appSources();
  if (sources === null) return null;
  const typeName = resource.type.split("::").pop() ?? "";
  const calls = constructCall(id);
  const found = [];
  for (const source of sources) {
    for (const match of source.code.matchAll(calls)) {
      const className = (match[1] ?? "").split(".").pop()?.trim() ?? "";
      if (!className.endsWith(typeName)) continue;
      found.push({ file: source.file, line: lineCount(source.code.slice(0, match.index)) });
      if (found.length > 1) return null;
    }
  }
  return found[0] ?? null;
}
var DEFAULT_CHILD_IDS = /* @__PURE__ */ new Set(["Resource", "Default"]);
function constructId(path) {
  const segments = path.split("/");
  const last = segments[segments.length - 1];
  if (last !== void 0 && DEFAULT_CHILD_IDS.has(last)) segments.pop();
  return segments.length >= 2 ? segments[segments.length - 1] ?? null : null;
}
function uniqueInAssembly(resource, id, context) {
  const path = resource.constructPath;
  if (path === null) return false;
  const shapes = context.shapesOf(id);
  return shapes.size === 1 && shapes.has(constructShape(resource.type, path));
}
function constructShape(type, path) {
  return `${type} ${path.replace(/^[^/]*/, "")}`;
}
function constructCall(id) {
  const quoted = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const name = String.raw`[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*`;
  return new RegExp(
    String.raw`\bnew\s+(${name})\s*(?:<[^<>()]{0,200}>)?\s*\(\s*[^,()'"\x60]{1,200}?,\s*(['"\x60])${quoted}\2`,
    "g"
  );
}
async function scanAppSources(context) {
  const appDir = context.options.appDir;
  if (appDir === null) return null;
  const root = resolve2(context.workingDir, appDir);
  if (repoRelative(context.repoRoot, root) === null && root !== context.repoRoot) return null;
  const skipped = new Set(SKIPPED_DIRS);
  const output = await cdkOutputDir(root, context);
  if (output !== null) skipped.add(output);
  const paths = [];
  const complete = await collect(root, 0, skipped, paths, context);
  if (!complete) return null;
  const sources = [];
  for (const path of paths.sort()) {
    const file = repoRelative(context.repoRoot, path);
    const text = await context.read(path);
    if (file === null || text === null || text.length > MAX_SOURCE_CHARS) continue;
    if (await hasTypeScriptSource(file, context) || await context.isIgnored(file)) continue;
    sources.push({ file, code: blankComments(text) });
  }
  return sources;
}
async function cdkOutputDir(appDir, context) {
  const text = await context.read(join3(appDir, "cdk.json"));
  try {
    const doc = text === null ? null : JSON.parse(text);
    const output = isJsonObject(doc) ? doc.output : void 0;
    return typeof output === "string" && /^[^/\\]+$/.test(output) ? output : null;
  } catch {
    return null;
  }
}
async function collect(dir, depth, skipped, paths, context) {
  const names = await context.options.files.list(dir);
  if (names === null) return true;
  if (depth > MAX_APP_DEPTH) return false;
  for (const name of [...names].sort()) {
    if (name.startsWith(".") || skipped.has(name)) continue;
    const path = join3(dir, name);
    if (isSourceFile(name)) {
      paths.push(path);
      if (paths.length > MAX_APP_FILES) return false;
    } else if (!await collect(path, depth + 1, skipped, paths, context)) {
      return false;
    }
  }
  return true;
}
function isSourceFile(name) {
  if (/\.d\.[mc]?ts$/.test(name)) return false;
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}
async function fromTemplate(found, context) {
  const path = resolve2(context.workingDir, found.stack.templateFile);
  const file = repoRelative(context.repoRoot, path);
  if (file === null || file === "" || await context.isIgnored(file)) return null;
  const text = await context.read(path);
  if (text === null) return null;
  const id = found.resource.logicalId;
  if (!/^[A-Za-z0-9]+$/.test(id)) return null;
  const pattern = text.trimStart().startsWith("{") ? new RegExp(String.raw`"${id}"\s*:\s*\{`, "g") : new RegExp(String.raw`^[ \t]*(["']?)${id}\1[ \t]*:[ \t]*(?:#.*)?$`, "gm");
  const matches2 = [...text.matchAll(pattern)];
  const only2 = matches2.length === 1 ? matches2[0] : void 0;
  return only2 === void 0 ? null : { file, line: lineCount(text.slice(0, only2.index)) };
}

// src/sources/detect.ts
import { basename } from "node:path";

// src/sources/cdk/outputs.ts
var EXPECTED2 = "expected the file `cdk deploy --outputs-file` writes ({Stack: {OutputKey: value}})";
var HINT = "this is not what `cdk deploy --outputs-file` writes: write the file again with it";
function isCdkOutputs(doc) {
  if (!isJsonObject(doc) || isTerraformOutputs(doc)) return false;
  const stacks = Object.values(doc);
  return stacks.length > 0 && stacks.every((stack) => isJsonObject(stack) && Object.values(stack).every(isScalar3)) && stacks.some((stack) => isJsonObject(stack) && Object.keys(stack).length > 0);
}
function isScalar3(value) {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}
function readCdkOutputs(doc, file) {
  if (!isJsonObject(doc))
    throw new InputError(`the file holds ${jsonKind(doc)}; ${EXPECTED2}`, file);
  const shape = new Shape(file, HINT);
  const references = [];
  for (const stack of Object.keys(doc)) {
    const stackPath = pathTo("", stack);
    const outputs = shape.object(doc[stack], stackPath, "the stack's outputs (an object)");
    for (const name of Object.keys(outputs)) {
      const address = `${stack}.${name}`;
      const path = pathTo(stackPath, name);
      for (const reference of outputReferences(
        name,
        outputs[name],
        "cdk-outputs",
        null,
        shape,
        path
      )) {
        references.push({ ...reference, address });
      }
    }
  }
  return { references, warnings: [] };
}

// src/sources/json-bytes.ts
var NotPiecewise = class extends Error {
  name = "NotPiecewise";
};
var QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var COMMA = 44;
var COLON = 58;
var MAX_PIECE_BYTES = 4 * 1024 * 1024;
var JsonBytes = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  /** The value of the bytes `start` to `end`, as `JSON.parse` reads them. */
  parse(start, end) {
    try {
      return JSON.parse(this.bytes.toString("utf8", start, end));
    } catch (error) {
      throw new NotPiecewise("a piece is not valid JSON", { cause: error });
    }
  }
  /** The first index at or after `i` that is not JSON whitespace. */
  skipBlank(i) {
    const bytes = this.bytes;
    for (; ; ) {
      const c = bytes[i];
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
      i++;
    }
  }
  /** The byte at `i` (undefined past the end). */
  at(i) {
    return this.bytes[i];
  }
  /**
   * The members of the object whose `{` is at `open`, each key once: a repeated
   * key (which `JSON.parse` would resolve by keeping the last) is not read
   * piecewise. The values are not checked here: the caller parses or takes
   * apart each one.
   */
  members(open) {
    this.expect(open, OPEN_BRACE);
    const members = [];
    const seen = /* @__PURE__ */ new Set();
    let i = this.skipBlank(open + 1);
    if (this.bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
    for (; ; ) {
      this.expect(i, QUOTE);
      const keyEnd = this.stringEnd(i + 1) + 1;
      const key = this.parse(i, keyEnd);
      if (typeof key !== "string" || seen.has(key)) {
        throw new NotPiecewise("a key repeats");
      }
      seen.add(key);
      i = this.skipBlank(keyEnd);
      this.expect(i, COLON);
      const start = this.skipBlank(i + 1);
      const end = this.valueEnd(start);
      members.push({ key, start, end });
      i = this.skipBlank(end);
      if (this.bytes[i] === COMMA) {
        i = this.skipBlank(i + 1);
        continue;
      }
      this.expect(i, CLOSE_BRACE);
      return { members, end: i + 1 };
    }
  }
  /** The elements of the list whose `[` is at `open`; not checked, as with `members`. */
  elements(open) {
    this.expect(open, OPEN_BRACKET);
    const elements = { starts: [], ends: [] };
    let i = this.skipBlank(open + 1);
    if (this.bytes[i] === CLOSE_BRACKET) return { elements, end: i + 1 };
    for (; ; ) {
      const end = this.valueEnd(i);
      elements.starts.push(i);
      elements.ends.push(end);
      i = this.skipBlank(end);
      if (this.bytes[i] === COMMA) {
        i = this.skipBlank(i + 1);
        continue;
      }
      this.expect(i, CLOSE_BRACKET);
      return { elements, end: i + 1 };
    }
  }
  /**
   * Checks the value at `start` to `end` as `JSON.parse` would, holding no
   * more than one piece of it at a time.
   */
  check(start, end) {
    const first = this.bytes[start];
    if (end - start <= MAX_PIECE_BYTES || first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      this.parse(start, end);
      return;
    }
    if (first === OPEN_BRACE) {
      const { members, end: last2 } = this.members(start);
      if (last2 !== end) throw new NotPiecewise("a value runs past its end");
      for (const member of members) this.check(member.start, member.end);
      return;
    }
    const { elements, end: last } = this.elements(start);
    if (last !== end) throw new NotPiecewise("a value runs past its end");
    for (let e = 0; e < elements.starts.length; e++) {
      this.check(elements.starts[e], elements.ends[e]);
    }
  }
  /**
   * Just past the value that starts at `i`: a container to its matching close,
   * strings jumped over whole; a scalar to the next delimiter. Nesting is only
   * counted, so a value found here still has to be parsed (or taken apart).
   */
  valueEnd(i) {
    const bytes = this.bytes;
    const n = bytes.length;
    const c = bytes[i];
    if (c === QUOTE) return this.stringEnd(i + 1) + 1;
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      let j = i;
      while (j < n) {
        const d = bytes[j];
        if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 32) break;
        j++;
      }
      if (j === i) throw new NotPiecewise("a value is missing");
      return j;
    }
    let depth = 0;
    while (i < n) {
      const d = bytes[i];
      if (d === QUOTE) {
        i = this.stringEnd(i + 1) + 1;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) {
        depth++;
      } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new NotPiecewise("the document ends inside a value");
  }
  /**
   * The index of the closing quote of the string whose content starts at
   * `from`: a backslash takes the byte after it along, so an escaped quote
   * does not close it. A plain loop: most of a plan's strings are short, and a
   * native `indexOf` call per string costs more than looking at their bytes.
   */
  stringEnd(from) {
    const bytes = this.bytes;
    const n = bytes.length;
    let i = from;
    while (i < n) {
      const c = bytes[i];
      if (c === QUOTE) return i;
      i += c === BACKSLASH ? 2 : 1;
    }
    throw new NotPiecewise("the document ends inside a string");
  }
  /** Nothing but whitespace from `i` to the end of the document. */
  expectEnd(i) {
    if (this.skipBlank(i) < this.bytes.length)
      throw new NotPiecewise("something follows the value");
  }
  expect(i, byte) {
    if (this.bytes[i] !== byte) throw new NotPiecewise("a byte out of place");
  }
};
function bodyStart(bytes) {
  return bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
}

// src/sources/terraform/documents.ts
var PLAN_SECTIONS = [
  "resource_changes",
  "planned_values",
  "prior_state",
  "configuration",
  "output_changes"
];
var SUPPORTED_FORMAT_MAJORS = /* @__PURE__ */ new Set([0, 1]);
function isTerraformPlan(doc) {
  return isJsonObject(doc) && Object.hasOwn(doc, "format_version") && !Object.hasOwn(doc, "values") && PLAN_SECTIONS.some((section) => Object.hasOwn(doc, section));
}
function isTerraformShowState(doc) {
  if (!isJsonObject(doc) || !Object.hasOwn(doc, "format_version")) return false;
  if (Object.hasOwn(doc, "values")) return true;
  return Object.keys(doc).every((key) => key === "format_version" || key === "terraform_version");
}
function isRawTerraformState(doc) {
  return isJsonObject(doc) && typeof doc.version === "number" && (Object.hasOwn(doc, "resources") || Object.hasOwn(doc, "modules"));
}
function isTerraformState(doc) {
  return isTerraformShowState(doc) || isRawTerraformState(doc);
}
function describeDocument(doc, fallback = "this JSON object has none of the fields of a Terraform plan (format_version, resource_changes, \u2026)") {
  if (!isJsonObject(doc)) return `the file holds ${jsonKind(doc)}`;
  if (Object.keys(doc).length === 0) return "the file holds an empty JSON object";
  const has = (key) => Object.hasOwn(doc, key);
  if (isTerraformPlan(doc)) return "this is a Terraform plan (terraform show -json PLANFILE)";
  if (has("format_version") && has("values")) {
    return "this is Terraform state as `terraform show -json` prints it without a plan file (it has `values`, not `resource_changes`)";
  }
  if (has("version") && has("resources") && has("terraform_version")) {
    return "this is a raw Terraform state file (terraform.tfstate)";
  }
  if (has("AWSTemplateFormatVersion") || has("Resources")) {
    return "this is a CloudFormation template";
  }
  if (has("artifacts") && has("version")) return "this is a CDK cloud assembly manifest";
  if (has("format_version")) {
    return `this JSON object has format_version but none of ${PLAN_SECTIONS.join(", ")}`;
  }
  if (isTerraformOutputs(doc)) return "this looks like `terraform output -json`";
  if (looksLikeCdkOutputs(doc)) {
    return "this looks like CDK deploy outputs (cdk deploy --outputs-file)";
  }
  return fallback;
}
function looksLikeCdkOutputs(doc) {
  const stacks = Object.values(doc);
  return stacks.length > 0 && stacks.every(
    (stack) => isJsonObject(stack) && Object.keys(stack).length > 0 && Object.values(stack).every((value) => typeof value === "string")
  );
}
function checkFormatVersion(version, file, what) {
  const match = typeof version === "string" ? /^(\d+)\.\d+$/.exec(version) : null;
  if (!match) {
    throw new InputError(
      `format_version is ${clip(JSON.stringify(version) ?? "missing")}; expected a version like "1.2"`,
      file
    );
  }
  if (!SUPPORTED_FORMAT_MAJORS.has(Number(match[1]))) {
    throw new InputError(
      `${what} format_version ${version} is not supported; this version of kms-usage-lint reads ${what} formats 0.x and 1.x`,
      file
    );
  }
}
function stringAt(object, key) {
  const value = object !== null && Object.hasOwn(object, key) ? object[key] : void 0;
  return typeof value === "string" ? value : null;
}
function numberAt(object, key) {
  const value = object !== null && Object.hasOwn(object, key) ? object[key] : void 0;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

// src/sources/terraform/modules.ts
var MAX_MODULE_DEPTH = 64;
function readModuleCalls(configuration) {
  if (!isJsonObject(configuration)) return {};
  return readCalls(configuration.root_module, 0);
}
function readCalls(module, depth) {
  const calls = /* @__PURE__ */ Object.create(null);
  if (depth > MAX_MODULE_DEPTH || !isJsonObject(module) || !isJsonObject(module.module_calls)) {
    return calls;
  }
  for (const [name, call] of Object.entries(module.module_calls)) {
    if (!isJsonObject(call) || typeof call.source !== "string") continue;
    calls[name] = { source: call.source, calls: readCalls(call.module, depth + 1) };
  }
  return calls;
}
function modulePath(address) {
  const names = [];
  const step = /^module\.([A-Za-z0-9_-]+)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\./;
  let rest = address;
  for (let m = step.exec(rest); m; m = step.exec(rest)) {
    names.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return names;
}

// src/sources/terraform/outputs.ts
var EXPECTED3 = "expected the output of `terraform output -json`";
var HINT2 = "this is not what `terraform output -json` writes: write the file again with it";
function readTerraformOutputs(doc, file) {
  if (!isJsonObject(doc)) {
    throw new InputError(`${describeDocument(doc)}; ${EXPECTED3}`, file);
  }
  const names = Object.keys(doc);
  if (names.length > 0 && !names.some((name) => hasValue(doc[name]))) {
    throw new InputError(
      `${describeDocument(doc, "this JSON object's members are not outputs ({value, type, sensitive})")}; ${EXPECTED3}`,
      file
    );
  }
  const shape = new Shape(file, HINT2);
  const references = [];
  for (const name of names) {
    const path = pathTo("", name);
    const entry = shape.object(doc[name], path, "an output ({value, type, sensitive})");
    if (!Object.hasOwn(entry, "value"))
      shape.fail(pathTo(path, "value"), "the output's value", void 0);
    const value = own(entry, "value");
    references.push(
      ...outputReferences(name, value, "terraform-outputs", null, shape, pathTo(path, "value"))
    );
  }
  return { references, warnings: [] };
}
function hasValue(entry) {
  return isJsonObject(entry) && Object.hasOwn(entry, "value");
}

// src/sources/terraform/values.ts
var GENERIC_ARN_RE = /^arn:([^:]+):[^:]*:([^:]*):([^:]*):/;
function resourcePlace(values) {
  const arn = values?.arn;
  const m = typeof arn === "string" ? GENERIC_ARN_RE.exec(arn) : null;
  const region = values?.region;
  return {
    partition: m?.[1] || null,
    region: m?.[2] || (typeof region === "string" && region !== "" ? region : null),
    account: m?.[3] || null
  };
}
var MAX_UNKNOWN_NODES = 1e5;
function holdsTrue(value) {
  const stack = [value];
  let visited = 0;
  for (let v = stack.pop(); v !== void 0; v = stack.pop()) {
    if (v === true) return true;
    if (++visited > MAX_UNKNOWN_NODES) return false;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (isJsonObject(v)) {
      for (const key of Object.keys(v)) stack.push(v[key]);
    }
  }
  return false;
}

// src/sources/terraform/config-refs.ts
var NAME = "[A-Za-z_][A-Za-z0-9_-]*";
var INDEX = '\\[(?:"(?:[^"\\\\]|\\\\.)*"|\\d+)\\]';
var MODULE_STEP_RE = new RegExp(`^module\\.(${NAME})(${INDEX})?\\.`);
var VAR_REF_RE = new RegExp(`^var\\.(${NAME})`);
var MODULE_REF_RE = new RegExp(`^module\\.(${NAME})(${INDEX})?(?:\\.(${NAME}))?`);
var RESOURCE_REF_RE = new RegExp(`^(${NAME})\\.(${NAME})(${INDEX})?(?:\\.(${NAME}))?`);
var NOT_RESOURCES = /* @__PURE__ */ new Set([
  "data",
  "local",
  "each",
  "count",
  "path",
  "self",
  "terraform",
  "module",
  "var"
]);
var KEY_IDENTITY_ATTRIBUTES = /* @__PURE__ */ new Set([
  "arn",
  "id",
  "key_id",
  "name",
  "target_key_arn",
  "target_key_id"
]);
var ANY = "[*]";
var ANY_INDEX = `(?:${INDEX})?`;
var INDEX_RE = new RegExp(`${INDEX}|\\[\\*\\]`, "g");
function withoutIndexes(address) {
  return address.replace(INDEX_RE, "");
}
var MAX_HOPS = 16;
var MAX_EXPRESSION_DEPTH = 64;
var KnownKeys = class {
  byAddress = /* @__PURE__ */ new Map();
  byResource = /* @__PURE__ */ new Map();
  /** Changes with every `set`, so that answers worked out before are not reused after. */
  version = 0;
  set(address, target) {
    this.version++;
    if (!this.byAddress.has(address)) {
      const resource = withoutIndexes(address);
      const instances = this.byResource.get(resource) ?? [];
      instances.push(address);
      this.byResource.set(resource, instances);
    }
    this.byAddress.set(address, target);
  }
  get(address) {
    return this.byAddress.get(address);
  }
  /** The targets at the addresses an address with `[*]` (any instance key, or none) stands for. */
  match(address) {
    if (!address.includes(ANY)) {
      const target = this.byAddress.get(address);
      return target ? [target] : [];
    }
    const instances = this.byResource.get(withoutIndexes(address)) ?? [];
    const pattern = new RegExp(
      `^${address.split(ANY).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(ANY_INDEX)}$`
    );
    const targets = [];
    for (const instance of instances) {
      const target = this.byAddress.get(instance);
      if (target && pattern.test(instance)) targets.push(target);
    }
    return targets;
  }
};
function scopeOf(address) {
  const scope = { steps: [], names: [] };
  let rest = address;
  for (let m = MODULE_STEP_RE.exec(rest); m; m = MODULE_STEP_RE.exec(rest)) {
    scope.steps.push(m[0].slice(0, -1));
    scope.names.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  return scope;
}
var PlanConfiguration = class {
  constructor(configuration) {
    this.configuration = configuration;
  }
  configuration;
  modules = /* @__PURE__ */ new Map();
  resources = /* @__PURE__ */ new WeakMap();
  keyExpressionLists = /* @__PURE__ */ new WeakMap();
  // Every instance of a resource in a module instance shares its expressions'
  // reference lists: each is resolved once per module instance.
  resolved = /* @__PURE__ */ new WeakMap();
  /**
   * The attribute expressions of a resource whose references may lead to a
   * key (a KMS resource, a module variable or a module output), worked out
   * once per configuration resource.
   */
  keyExpressions(names, relativeAddress2) {
    const expressions = this.resourceExpressions(names, relativeAddress2);
    if (expressions === null) return [];
    let list = this.keyExpressionLists.get(expressions);
    if (!list) {
      list = findKeyExpressions(expressions);
      this.keyExpressionLists.set(expressions, list);
    }
    return list;
  }
  /** The `expressions` of a resource (`aws_s3_bucket.b`, `data.x.y`) declared in a module. */
  resourceExpressions(names, relativeAddress2) {
    const module = this.module(names);
    if (module === null) return null;
    let byAddress = this.resources.get(module);
    if (!byAddress) {
      byAddress = /* @__PURE__ */ new Map();
      const list = module.resources;
      for (const resource of Array.isArray(list) ? list : []) {
        if (!isJsonObject(resource) || typeof resource.address !== "string") continue;
        if (isJsonObject(resource.expressions)) {
          byAddress.set(resource.address, resource.expressions);
        }
      }
      this.resources.set(module, byAddress);
    }
    return byAddress.get(relativeAddress2) ?? null;
  }
  /** The references of a root module output's expression. */
  outputReferences(name) {
    const outputs = this.module([])?.outputs;
    const output = isJsonObject(outputs) && Object.hasOwn(outputs, name) ? outputs[name] : null;
    const expression = isJsonObject(output) ? output.expression : null;
    return isJsonObject(expression) && Array.isArray(expression.references) ? expression.references : null;
  }
  /**
   * The one key that the references of an expression evaluated in `scope`
   * can stand for, among the `known` KMS resources of the plan; null when
   * none, or more than one.
   */
  resolve(references, scope, known) {
    const scopeKey = scope.steps.join(".");
    let byScope = this.resolved.get(references);
    const cached = byScope?.get(scopeKey);
    if (cached && cached.version === known.version) return cached.target;
    const found = /* @__PURE__ */ new Map();
    this.collect(references, scope, known, found, 0);
    const target = found.size === 1 ? found.values().next().value ?? null : null;
    if (!byScope) {
      byScope = /* @__PURE__ */ new Map();
      this.resolved.set(references, byScope);
    }
    byScope.set(scopeKey, { version: known.version, target });
    return target;
  }
  module(names) {
    const cacheKey = names.join("\0");
    const cached = this.modules.get(cacheKey);
    if (cached !== void 0) return cached;
    let module = isJsonObject(this.configuration) ? this.configuration.root_module : null;
    for (const name of names) {
      const calls = isJsonObject(module) ? module.module_calls : null;
      const call = isJsonObject(calls) && Object.hasOwn(calls, name) ? calls[name] : null;
      module = isJsonObject(call) ? call.module : null;
    }
    const result = isJsonObject(module) ? module : null;
    this.modules.set(cacheKey, result);
    return result;
  }
  collect(references, scope, known, found, hops) {
    if (hops > MAX_HOPS) return;
    const resources = /* @__PURE__ */ new Map();
    for (const reference of references) {
      if (typeof reference !== "string" || !mayLeadToKey(reference)) continue;
      const variable = VAR_REF_RE.exec(reference);
      if (variable) {
        this.followVariable(variable[1], scope, known, found, hops);
        continue;
      }
      const module = MODULE_REF_RE.exec(reference);
      if (module) {
        const [, name2, index2, output] = module;
        if (output !== void 0) {
          this.followOutput(name2, index2, output, scope, known, found, hops);
        }
        continue;
      }
      const resource = RESOURCE_REF_RE.exec(reference);
      if (!resource || NOT_RESOURCES.has(resource[1])) continue;
      const [, type, name, index, attribute] = resource;
      const key = `${type}.${name}`;
      const entry = resources.get(key) ?? { indexes: /* @__PURE__ */ new Set(), attributes: /* @__PURE__ */ new Set() };
      if (index !== void 0) entry.indexes.add(index);
      if (attribute !== void 0) entry.attributes.add(attribute);
      resources.set(key, entry);
    }
    for (const [resource, { indexes, attributes }] of resources) {
      if (attributes.size > 0 && ![...attributes].some((a) => KEY_IDENTITY_ATTRIBUTES.has(a))) {
        continue;
      }
      const steps = indexes.size > 0 ? [...indexes] : [ANY];
      for (const index of steps) {
        const address = [...scope.steps, `${resource}${index}`].join(".");
        for (const target of known.match(address)) found.set(targetIdentity(target), target);
      }
    }
  }
  /** `var.NAME` in a module: what the calling module passes as NAME. */
  followVariable(name, scope, known, found, hops) {
    const callName = scope.names[scope.names.length - 1];
    if (callName === void 0) return;
    const parent = {
      steps: scope.steps.slice(0, -1),
      names: scope.names.slice(0, -1)
    };
    const calls = this.module(parent.names)?.module_calls;
    const call = isJsonObject(calls) && Object.hasOwn(calls, callName) ? calls[callName] : null;
    const expressions = isJsonObject(call) ? call.expressions : null;
    const expression = isJsonObject(expressions) && Object.hasOwn(expressions, name) ? expressions[name] : null;
    if (isJsonObject(expression) && Array.isArray(expression.references)) {
      this.collect(expression.references, parent, known, found, hops + 1);
    }
  }
  /** `module.NAME.OUTPUT`: what the child module's output expression references, in the child. */
  followOutput(name, index, output, scope, known, found, hops) {
    const child = {
      steps: [...scope.steps, `module.${name}${index ?? ANY}`],
      names: [...scope.names, name]
    };
    const outputs = this.module(child.names)?.outputs;
    const value = isJsonObject(outputs) && Object.hasOwn(outputs, output) ? outputs[output] : null;
    const expression = isJsonObject(value) ? value.expression : null;
    if (isJsonObject(expression) && Array.isArray(expression.references)) {
      this.collect(expression.references, child, known, found, hops + 1);
    }
  }
};
function mayLeadToKey(reference) {
  return reference.startsWith("aws_kms_") || reference.startsWith("var.") || reference.startsWith("module.");
}
function findKeyExpressions(expressions) {
  const result = [];
  const queue = [
    { expressions, steps: [], path: "" }
  ];
  for (let i = 0; i < queue.length; i++) {
    const frame = queue[i];
    if (frame.steps.length > MAX_EXPRESSION_DEPTH) continue;
    for (const name of Object.keys(frame.expressions)) {
      const expression = frame.expressions[name];
      const steps = [...frame.steps, name];
      const path = frame.path === "" ? name : `${frame.path}.${name}`;
      if (isLeafExpression(expression)) {
        const references = expression.references;
        if (Array.isArray(references) && references.some((r) => typeof r === "string" && mayLeadToKey(r))) {
          result.push({ path, steps, references });
        }
      } else if (Array.isArray(expression)) {
        expression.forEach((block, index) => {
          if (!isJsonObject(block)) return;
          queue.push({ expressions: block, steps: [...steps, index], path: `${path}[${index}]` });
        });
      } else if (isJsonObject(expression)) {
        queue.push({ expressions: expression, steps, path });
      }
    }
  }
  return result;
}
function isUnknownAt(afterUnknown, steps) {
  let unknown = afterUnknown;
  for (const step of steps) {
    if (unknown === true) return true;
    if (typeof unknown !== "object" || unknown === null) return false;
    unknown = unknown[step];
  }
  return holdsTrue(unknown);
}
function isLeafExpression(value) {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key === "references" || key === "constant_value");
}

// src/sources/terraform/resources.ts
var TERRAFORM_KEY_TYPES = [
  "aws_kms_key",
  "aws_kms_replica_key",
  "aws_kms_external_key",
  "aws_kms_replica_external_key"
];
var TERRAFORM_ALIAS_TYPE = "aws_kms_alias";
var KEY_PART_TYPES = /* @__PURE__ */ new Set(["aws_kms_key_policy"]);
function resourceRole(type, mode) {
  if (mode === "data") return "lookup";
  if (mode !== "managed") return "none";
  if (isKeyType(type)) return "key";
  if (type === TERRAFORM_ALIAS_TYPE) return "alias";
  return KEY_PART_TYPES.has(type) ? "none" : "consumer";
}
function isKeyType(type) {
  return TERRAFORM_KEY_TYPES.includes(type);
}
function aliasNameOf2(values) {
  const name = stringAt(values, "name");
  if (name !== null && isAliasName(name)) return name;
  const arn = parseKmsArn(stringAt(values, "arn") ?? "");
  if (arn?.resource === "alias") return arn.id;
  const id = stringAt(values, "id");
  return id !== null && isAliasName(id) ? id : null;
}
function aliasTargetOf(values, place) {
  for (const attribute of ["target_key_arn", "target_key_id"]) {
    const value = stringAt(values, attribute);
    if (value === null) continue;
    if (parseKmsArn(value)?.resource === "key")
      return { attribute, target: { kind: "arn", arn: value } };
    if (isKeyId(value)) return { attribute, target: bareKeyTarget(value, place) };
  }
  return null;
}
function attributeHits(values, flat, place, tooDeep2) {
  if (values === null) return [];
  return flat ? scanFlatAttributes(values, { place }) : scanValue(values, { place, tooDeep: tooDeep2 });
}
function lookupReferences(base, values, flat, tooDeep2) {
  const hits = attributeHits(values, flat, resourcePlace(values), tooDeep2);
  const aliasName = base.resourceType === TERRAFORM_ALIAS_TYPE ? aliasNameOf2(values) : null;
  const lookup = { ...base, action: null };
  return hits.filter((hit) => hit.target.kind === "arn" || hit.target.kind === "key-id").map((hit) => makeReference(lookup, "key", hit.path, hit.target, aliasName));
}
function stateInstanceReferences(instance, source, shape) {
  const { address, type, values, flat, path } = instance;
  const base = {
    source,
    file: shape.file,
    address,
    resourceType: type,
    action: null
  };
  const place = resourcePlace(values);
  const tooDeep2 = (message) => shape.refuse(path, message);
  switch (resourceRole(type, instance.mode)) {
    case "key": {
      const target = stateKeyTarget(values, place);
      if (target === null) {
        return shape.fail(pathTo(path, "arn"), "the key's ARN (or its key_id)", values?.arn);
      }
      return [makeReference(base, "key", target.attribute, target.target)];
    }
    case "alias": {
      const target = aliasTargetOf(values, place);
      if (target === null) {
        return shape.fail(
          pathTo(path, "target_key_id"),
          "the key the alias points at (a key id or key ARN)",
          values?.target_key_id
        );
      }
      return [makeReference(base, "alias", target.attribute, target.target, aliasNameOf2(values))];
    }
    case "consumer":
      return attributeHits(values, flat, place, tooDeep2).map(
        (hit) => makeReference(base, "consumer", hit.path, hit.target)
      );
    case "lookup":
      return lookupReferences(base, values, flat, tooDeep2);
    case "none":
      return [];
  }
}
function stateKeyTarget(values, place) {
  const arn = stringAt(values, "arn");
  if (arn !== null && parseKmsArn(arn)?.resource === "key") {
    return { attribute: "arn", target: { kind: "arn", arn } };
  }
  for (const attribute of ["key_id", "id"]) {
    const id = stringAt(values, attribute);
    if (id !== null && isKeyId(id)) return { attribute, target: bareKeyTarget(id, place) };
  }
  return null;
}

// src/sources/terraform/show-state.ts
var MAX_MODULE_DEPTH2 = 64;
function showStateResources(values, path, shape) {
  const rootPath = pathTo(path, "root_module");
  const root = shape.object(own(values, "root_module"), rootPath, "the root module (an object)");
  const found = [];
  const modules = [
    { module: root, path: rootPath, depth: 0 }
  ];
  for (let m = 0; m < modules.length; m++) {
    const { module, path: modulePath2, depth } = modules[m];
    if (depth > MAX_MODULE_DEPTH2) {
      shape.refuse(modulePath2, `modules nested more than ${MAX_MODULE_DEPTH2} levels deep`);
    }
    const resourcesPath = pathTo(modulePath2, "resources");
    const resources = shape.sectionList(module, "resources", resourcesPath, "a list of resources");
    resources?.forEach((resource, index) => {
      found.push(checkResource(resource, pathTo(resourcesPath, index), shape));
    });
    const childrenPath = pathTo(modulePath2, "child_modules");
    const children = shape.sectionList(module, "child_modules", childrenPath, "a list of modules");
    children?.forEach((child, index) => {
      const childPath = pathTo(childrenPath, index);
      modules.push({
        module: shape.object(child, childPath, "a module (an object)"),
        path: childPath,
        depth: depth + 1
      });
    });
  }
  return found;
}
function checkResource(resource, path, shape) {
  const object = shape.object(resource, path, "a resource (an object)");
  return {
    path,
    address: shape.text(own(object, "address"), pathTo(path, "address"), "an address (a string)"),
    type: shape.text(own(object, "type"), pathTo(path, "type"), "a resource type (a string)"),
    mode: resourceMode(own(object, "mode"), pathTo(path, "mode"), shape),
    values: shape.nullableObject(own(object, "values"), pathTo(path, "values")),
    deposed: shape.nullableText(own(object, "deposed_key"), pathTo(path, "deposed_key")) !== null
  };
}
function resourceMode(mode, path, shape) {
  if (mode === "managed" || mode === "data") return mode;
  return shape.fail(path, '"managed" or "data"', mode);
}
function showStateOutputs(values, path, shape) {
  const outputsPath = pathTo(path, "outputs");
  const outputs = shape.sectionObject(values, "outputs", outputsPath, "an object of outputs");
  if (outputs === null) return [];
  return Object.keys(outputs).map((name) => {
    const outputPath = pathTo(outputsPath, name);
    const entry = shape.object(outputs[name], outputPath, "an output ({value, type, sensitive})");
    return { name, path: outputPath, value: own(entry, "value") };
  });
}

// src/sources/terraform/plan.ts
var ENABLED_ATTRIBUTE = {
  aws_kms_key: "is_enabled",
  aws_kms_replica_key: "enabled",
  aws_kms_external_key: "enabled",
  aws_kms_replica_external_key: "enabled"
};
var ACTION_TABLE = [
  [["create"], "create"],
  [["update"], "update"],
  [["delete"], "delete"],
  [["delete", "create"], "replace"],
  [["create", "delete"], "replace"],
  [["no-op"], "none"],
  [["read"], "read"],
  // `removed { lifecycle { destroy = false } }` and its replace variants
  // (["forget","create"] is OpenTofu's order): the old key leaves the state
  // but stays in AWS, so it is orphaned, not deleted.
  [["forget"], "orphan"],
  [["create", "forget"], "orphan"],
  [["forget", "create"], "orphan"]
];
var PLAN_ACTIONS = /* @__PURE__ */ new Map();
for (const [[first = "", second = ""], action] of ACTION_TABLE) {
  const seconds = PLAN_ACTIONS.get(first) ?? /* @__PURE__ */ new Map();
  seconds.set(second, action);
  PLAN_ACTIONS.set(first, seconds);
}
function planActionOf(actions) {
  const [first, second = ""] = actions;
  if (actions.length > 2 || typeof first !== "string" || typeof second !== "string")
    return void 0;
  if (actions.length === 2 && second === "") return void 0;
  return PLAN_ACTIONS.get(first)?.get(second);
}
var KNOWN_ACTIONS = 'a list of action names this tool knows (["create"], ["update"], ["delete"], ["delete","create"], ["create","delete"], ["no-op"], ["read"], ["forget"], \u2026)';
function checkedAction(actions, path, shape) {
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    return shape.fail(path, "a list of action names", actions);
  }
  return planActionOf(actions) ?? shape.fail(path, KNOWN_ACTIONS, actions);
}
function checkMarks(change, key, path, shape) {
  const marks = own(change, key);
  if (marks === void 0 || marks === null || typeof marks === "boolean" || isJsonObject(marks)) {
    return marks;
  }
  return shape.fail(pathTo(path, key), "true, false or an object of marks", marks);
}
var HINT3 = "this is not a plan as `terraform show -json PLANFILE` writes it: write the plan JSON again from the plan file";
var ALIAS_STAGE = 0;
var CONSUMER_STAGE = 1;
function readTerraformPlan(doc, file) {
  return readPlan(doc, file, (sections, shape) => ({
    priorResources: readPriorState(sections.priorState, shape).map(priorResource),
    drift: sections.drift.map((entry, index) => checkDrift(entry, index, shape)),
    // All checked before any is read: a broken entry stops the run before any warning.
    changes: sections.changes.map((entry, index) => checkResourceChange(entry, index, shape))
  }));
}
function priorResource(resource) {
  const { path, address, type, mode, deposed, values } = resource;
  const arn = isKeyType(type) ? stringAt(values, "arn") : null;
  return { path, address, type, mode, deposed, arn, values: () => values };
}
function readPlan(doc, file, listsOf) {
  if (!isTerraformPlan(doc)) {
    throw new InputError(
      `${describeDocument(doc)}; expected a Terraform plan, the output of \`terraform show -json PLANFILE\``,
      file
    );
  }
  checkFormatVersion(doc.format_version, file, "plan");
  const shape = new Shape(file, HINT3);
  const changes = shape.sectionList(doc, "resource_changes", "resource_changes", "a list of resource changes") ?? [];
  const priorState = shape.sectionObject(doc, "prior_state", "prior_state", "the prior state");
  shape.sectionObject(doc, "planned_values", "planned_values", "the planned values");
  const drift = shape.sectionList(doc, "resource_drift", "resource_drift", "a list of resource changes") ?? [];
  const outputChanges = shape.sectionObject(
    doc,
    "output_changes",
    "output_changes",
    "an object of output changes"
  );
  const configuration = shape.sectionObject(doc, "configuration", "configuration");
  if (configuration !== null) {
    shape.sectionObject(configuration, "root_module", "configuration.root_module");
  }
  const warnings = [];
  const warn = (message) => warnings.push(message);
  const lists = listsOf({ changes, priorState, drift }, shape);
  let priorArns = null;
  let plannedConfiguration = null;
  const deferred = [];
  const context = {
    file,
    shape,
    warn,
    // Built on first need: most plans only create keys and never look.
    priorArn: (address) => {
      priorArns ??= indexKnownArns(lists.priorResources, lists.drift);
      return priorArns.get(address) ?? null;
    },
    configuration: () => {
      plannedConfiguration ??= new PlanConfiguration(configuration);
      return plannedConfiguration;
    },
    known: new KnownKeys(),
    defer: (stage, run) => deferred.push({ stage, run })
  };
  const slots = [];
  const addresses = /* @__PURE__ */ new Set();
  for (const change of lists.changes) {
    slots.push(readResourceChange(change, context));
    addresses.add(change.address);
  }
  slots.push(readPriorStateOnly(lists.priorResources, addresses, context));
  if (outputChanges) slots.push(...readOutputChanges(outputChanges, context));
  deferred.sort((a, b) => a.stage - b.stage);
  for (const work of deferred) work.run();
  return { references: slots.flat(), warnings };
}
function readResourceChange(change, context) {
  const { action } = change;
  switch (resourceRole(change.type, change.mode)) {
    case "key":
      return action === "read" ? [] : [readKey(change, action, context)];
    case "alias":
      return action === "read" ? [] : readAlias(change, action, context);
    case "consumer":
      return action === "read" ? [] : readConsumer(change, action, context);
    case "lookup": {
      const values = change.after ?? change.before;
      return lookupReferences(
        referenceBase(change, context),
        values,
        false,
        tooDeepAt(valuesPath(change, values), context)
      );
    }
    case "none":
      return [];
  }
}
function checkResourceChange(entry, index, shape) {
  const path = `resource_changes[${index}]`;
  const object = shape.object(entry, path, "a resource change (an object)");
  const type = shape.text(own(object, "type"), `${path}.type`, "a resource type (a string)");
  const address = shape.text(own(object, "address"), `${path}.address`, "an address (a string)");
  const mode = resourceMode(own(object, "mode"), `${path}.mode`, shape);
  const changePath = `${path}.change`;
  const change = shape.object(
    own(object, "change"),
    changePath,
    "the change (an object with actions, before and after)"
  );
  const action = checkedAction(own(change, "actions"), `${changePath}.actions`, shape);
  const before = shape.nullableObject(own(change, "before"), `${changePath}.before`);
  const after = shape.nullableObject(own(change, "after"), `${changePath}.after`);
  const afterUnknown = checkMarks(change, "after_unknown", changePath, shape);
  checkMarks(change, "before_sensitive", changePath, shape);
  checkMarks(change, "after_sensitive", changePath, shape);
  const deposed = shape.nullableText(own(object, "deposed"), `${path}.deposed`) !== null;
  return { path, address, type, mode, action, before, after, afterUnknown, deposed };
}
function checkDrift(entry, index, shape) {
  const path = `resource_drift[${index}]`;
  const object = shape.object(entry, path, "a resource change (an object)");
  const type = shape.text(own(object, "type"), `${path}.type`, "a resource type (a string)");
  const address = shape.nullableText(own(object, "address"), `${path}.address`, "an address");
  resourceMode(own(object, "mode"), `${path}.mode`, shape);
  const changePath = `${path}.change`;
  const change = shape.object(own(object, "change"), changePath, "the change (an object)");
  const actions = own(change, "actions");
  if (!Array.isArray(actions) || !actions.every((a) => typeof a === "string")) {
    shape.fail(`${changePath}.actions`, "a list of action names", actions);
  }
  return {
    address,
    type,
    before: shape.nullableObject(own(change, "before"), `${changePath}.before`),
    after: shape.nullableObject(own(change, "after"), `${changePath}.after`),
    deposed: shape.nullableText(own(object, "deposed"), `${path}.deposed`) !== null
  };
}
function readPriorState(priorState, shape) {
  if (priorState === null) return [];
  const values = shape.sectionObject(priorState, "values", "prior_state.values", "an object");
  return values === null ? [] : showStateResources(values, "prior_state.values", shape);
}
function referenceBase(change, context) {
  const action = change.action === "read" ? null : change.action;
  return {
    source: "terraform-plan",
    file: context.file,
    address: change.address,
    resourceType: change.type,
    action
  };
}
function valuesPath(change, values) {
  return `${change.path}.change.${values === change.before ? "before" : "after"}`;
}
function tooDeepAt(path, context) {
  return (message) => context.shape.refuse(path, message);
}
function readKey(change, action, context) {
  const { address, before, after } = change;
  const type = change.type;
  const target = keyTarget(change, action, context);
  if (!change.deposed) context.known.set(address, target);
  const keyChange = {
    action,
    source: "terraform-plan",
    address,
    deletionWindowDays: deletionWindowDays(action, before, after),
    disables: disables(change, action)
  };
  return {
    source: "terraform-plan",
    kind: "key",
    file: context.file,
    address,
    resourceType: type,
    attribute: target.kind === "arn" ? "arn" : null,
    target,
    action,
    change: keyChange,
    // Locations and inline suppressions are attached by the locator.
    location: null,
    suppressions: []
  };
}
function keyTarget(change, action, context) {
  const { address } = change;
  const planned = { kind: "planned", address };
  if (action === "create") return planned;
  const fromPriorState = change.deposed ? null : context.priorArn(address);
  const arn = stringAt(change.before, "arn") ?? fromPriorState;
  if (arn !== null && parseKmsArn(arn)?.resource === "key") return { kind: "arn", arn };
  if (action === "delete" || action === "replace" || disables(change, action)) {
    context.shape.fail(
      `${change.path}.change.before.arn`,
      `the ARN of the key ${action === "delete" || action === "replace" ? `this ${action} acts on` : "this update disables"} (in change.before, prior_state or resource_drift)`,
      arn ?? void 0
    );
  }
  context.warn(
    arn === null ? `${address}: the plan has no ARN for this key (neither in change.before nor in prior_state); identified by its address only` : `${address}: its arn is not a KMS key ARN; identified by its address only`
  );
  return planned;
}
function deletionWindowDays(action, before, after) {
  if (action !== "delete" && action !== "replace") return null;
  const fromBefore = numberAt(before, "deletion_window_in_days");
  if (fromBefore !== null || action === "delete") return fromBefore;
  return numberAt(after, "deletion_window_in_days");
}
function disables(change, action) {
  if (action !== "update" && action !== "none") return false;
  const attribute = ENABLED_ATTRIBUTE[change.type];
  return change.before?.[attribute] !== false && change.after?.[attribute] === false;
}
function valuesOf(change, action) {
  return action === "delete" ? change.before : change.after ?? change.before;
}
function placeOf(change, values) {
  return () => mergedPlace(change, values);
}
function mergedPlace(change, values) {
  const now = resourcePlace(values);
  if (values === change.before) return now;
  const then = resourcePlace(change.before);
  return {
    partition: now.partition ?? then.partition,
    region: now.region ?? then.region,
    account: now.account ?? then.account
  };
}
function readAlias(change, action, context) {
  const values = valuesOf(change, action);
  const base = referenceBase(change, context);
  const aliasName = aliasNameOf2(values) ?? aliasNameOf2(change.before);
  const target = aliasTargetOf(values, mergedPlace(change, values));
  if (target !== null) {
    if (!change.deposed) context.known.set(change.address, target.target);
    return [makeReference(base, "alias", target.attribute, target.target, aliasName)];
  }
  const targetUnknown = action !== "delete" && (isUnknownAt(change.afterUnknown, ["target_key_id"]) || isUnknownAt(change.afterUnknown, ["target_key_arn"]));
  if (values !== null && !targetUnknown) {
    context.shape.fail(
      `${valuesPath(change, values)}.target_key_id`,
      "the key the alias points at (a key id or key ARN)",
      values.target_key_id
    );
  }
  const slot = [];
  if (!targetUnknown) return slot;
  context.defer(ALIAS_STAGE, () => {
    const found = configuredTargets(change, context).find(
      (hit) => hit.path === "target_key_id" || hit.path === "target_key_arn"
    );
    if (!found) return;
    if (!change.deposed) context.known.set(change.address, found.target);
    slot.push(makeReference(base, "alias", found.path, found.target, aliasName));
  });
  return slot;
}
function readConsumer(change, action, context) {
  const values = valuesOf(change, action);
  const base = referenceBase(change, context);
  const hits = attributeHits(
    values,
    false,
    placeOf(change, values),
    tooDeepAt(valuesPath(change, values), context)
  );
  const slot = hits.map((hit) => makeReference(base, "consumer", hit.path, hit.target));
  if (action === "delete" || !holdsTrue(change.afterUnknown)) return slot;
  context.defer(CONSUMER_STAGE, () => {
    const seen = new Set(hits.map((hit) => targetIdentity(hit.target)));
    for (const hit of configuredTargets(change, context)) {
      const identity = targetIdentity(hit.target);
      if (seen.has(identity)) continue;
      seen.add(identity);
      slot.push(makeReference(base, "consumer", hit.path, hit.target));
    }
  });
  return slot;
}
function configuredTargets(change, context) {
  const scope = scopeOf(change.address);
  const configuration = context.configuration();
  const found = [];
  for (const expression of configuration.keyExpressions(
    scope.names,
    relativeAddress(change, scope)
  )) {
    if (!isUnknownAt(change.afterUnknown, expression.steps)) continue;
    const target = configuration.resolve(expression.references, scope, context.known);
    if (target !== null) found.push({ path: expression.path, target });
  }
  return found;
}
function relativeAddress(change, scope) {
  const prefix = scope.steps.map((step) => `${step}.`).join("");
  const local = change.address.startsWith(prefix) ? change.address.slice(prefix.length) : change.address;
  const bracket = local.indexOf("[");
  return bracket === -1 ? local : local.slice(0, bracket);
}
function readPriorStateOnly(resources, inChanges, context) {
  const references = [];
  for (const resource of resources) {
    if (inChanges.has(resource.address)) continue;
    const { address, type, mode } = resource;
    const instance = {
      address,
      type,
      mode,
      values: resource.values(),
      path: pathTo(resource.path, "values"),
      flat: false
    };
    references.push(...stateInstanceReferences(instance, "terraform-plan", context.shape));
  }
  return references;
}
function indexKnownArns(resources, drift) {
  const arns = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    if (resource.deposed) continue;
    const arn = resource.arn;
    if (arn !== null && !arns.has(resource.address)) arns.set(resource.address, arn);
  }
  for (const entry of drift) {
    if (entry.deposed || entry.address === null || !isKeyType(entry.type)) continue;
    const arn = stringAt(entry.after, "arn") ?? stringAt(entry.before, "arn");
    if (arn !== null && !arns.has(entry.address)) arns.set(entry.address, arn);
  }
  return arns;
}
function readOutputChanges(outputChanges, context) {
  const slots = [];
  const { shape } = context;
  for (const name of Object.keys(outputChanges)) {
    const path = pathTo("output_changes", name);
    const entry = shape.object(outputChanges[name], path, "an output change (an object)");
    const planAction = checkedAction(own(entry, "actions"), pathTo(path, "actions"), shape);
    const action = planAction === "read" ? shape.fail(pathTo(path, "actions"), "the actions of an output (outputs are never read)", [
      "read"
    ]) : planAction;
    const side = action === "delete" ? "before" : "after";
    const afterUnknown = checkMarks(entry, "after_unknown", path, shape);
    const slot = outputReferences(
      name,
      own(entry, side),
      "terraform-plan",
      action,
      shape,
      pathTo(path, side)
    );
    slots.push(slot);
    if (action === "delete" || !holdsTrue(afterUnknown)) continue;
    context.defer(CONSUMER_STAGE, () => {
      const configuration = context.configuration();
      const references = configuration.outputReferences(name);
      const target = references === null ? null : configuration.resolve(references, scopeOf(""), context.known);
      if (target === null) return;
      if (slot.some((ref) => targetIdentity(ref.target) === targetIdentity(target))) return;
      const base = {
        source: "terraform-plan",
        file: context.file,
        address: `output.${name}`,
        resourceType: null,
        action
      };
      slot.push(makeReference(base, "output", null, target));
    });
  }
  return slots;
}

// src/sources/terraform/plan-bytes.ts
var LONG_SECTIONS = /* @__PURE__ */ new Map([
  ["resource_changes", 91],
  ["resource_drift", 91],
  ["prior_state", 123],
  ["planned_values", 123]
]);
function readPlanBytes(bytes, file) {
  const json = new JsonBytes(bytes);
  const { doc, long } = topLevel(json);
  if (!isTerraformPlan(doc)) return null;
  const result = readPlan(doc, file, (_sections, shape) => {
    const planned = long.get("planned_values");
    if (planned) json.check(planned.start, planned.end);
    return listsFromBytes(json, long, shape);
  });
  return { result, doc };
}
function planTopLevel(bytes) {
  const json = new JsonBytes(bytes);
  const { doc, long } = topLevel(json);
  if (!isTerraformPlan(doc)) return null;
  for (const member of long.values()) json.check(member.start, member.end);
  return doc;
}
function topLevel(json) {
  const start = json.skipBlank(bodyStart(json.bytes));
  if (json.at(start) !== 123) throw new NotPiecewise("not a JSON object");
  const { members, end } = json.members(start);
  json.expectEnd(end);
  const doc = {};
  const long = /* @__PURE__ */ new Map();
  for (const member of members) {
    const opening = LONG_SECTIONS.get(member.key);
    const isLong = opening !== void 0 && json.at(member.start) === opening;
    if (isLong) long.set(member.key, member);
    Object.defineProperty(doc, member.key, {
      value: isLong ? opening === 91 ? [] : {} : json.parse(member.start, member.end),
      writable: true,
      enumerable: true,
      configurable: true
    });
  }
  return { doc, long };
}
function listsFromBytes(json, long, shape) {
  const prior = long.get("prior_state");
  const drift = long.get("resource_drift");
  const changes = long.get("resource_changes");
  return {
    priorResources: prior ? priorResources(json, prior, shape) : [],
    drift: drift ? mapElements(
      json,
      json.elements(drift.start).elements,
      (entry, index) => checkDrift(entry, index, shape)
    ) : [],
    changes: changes ? resourceChanges(json, json.elements(changes.start).elements, shape) : []
  };
}
function* resourceChanges(json, elements, shape) {
  const { starts, ends } = elements;
  for (let index = 0; index < starts.length; index++) {
    const entry = json.parse(starts[index], ends[index]);
    yield checkResourceChange(entry, index, shape);
  }
}
function mapElements(json, { starts, ends }, read) {
  const found = [];
  for (let index = 0; index < starts.length; index++) {
    found.push(read(json.parse(starts[index], ends[index]), index));
  }
  return found;
}
function priorResources(json, prior, shape) {
  const values = checkedExcept(json, prior, "values");
  if (values === void 0) return [];
  const rootModule = checkedExcept(json, values, "root_module");
  if (rootModule === void 0 || json.at(rootModule.start) !== 123) {
    throw new NotPiecewise("prior_state.values has no root module object");
  }
  const found = [];
  const rootPath = "prior_state.values.root_module";
  const modules = [{ start: rootModule.start, path: rootPath, depth: 0 }];
  for (let m = 0; m < modules.length; m++) {
    const { start, path, depth } = modules[m];
    if (depth > MAX_MODULE_DEPTH2) throw new NotPiecewise("modules nested too deep");
    for (const member of json.members(start).members) {
      if (member.key === "resources") {
        const resourcesPath = pathTo(path, "resources");
        forEachElement(json, member, (at, index) => {
          found.push(priorFromBytes(json, at, pathTo(resourcesPath, index), shape));
        });
      } else if (member.key === "child_modules") {
        const childrenPath = pathTo(path, "child_modules");
        forEachElement(json, member, (at, index) => {
          if (json.at(at.start) !== 123) throw new NotPiecewise("a child module is no object");
          modules.push({ start: at.start, path: pathTo(childrenPath, index), depth: depth + 1 });
        });
      } else {
        json.check(member.start, member.end);
      }
    }
  }
  return found;
}
function priorFromBytes(json, at, path, shape) {
  const read = () => checkResource(json.parse(at.start, at.end), path, shape);
  return { ...priorResource(read()), values: () => read().values };
}
function forEachElement(json, member, visit) {
  if (json.at(member.start) !== 91) throw new NotPiecewise("not a list");
  const { starts, ends } = json.elements(member.start).elements;
  for (let index = 0; index < starts.length; index++) {
    visit({ start: starts[index], end: ends[index] }, index);
  }
}
function checkedExcept(json, container, key) {
  if (json.at(container.start) !== 123) throw new NotPiecewise("not an object");
  let found;
  for (const member of json.members(container.start).members) {
    if (member.key === key) found = member;
    else json.check(member.start, member.end);
  }
  if (found !== void 0 && json.at(found.start) !== 123) {
    throw new NotPiecewise(`${key} is no object`);
  }
  return found;
}

// src/sources/terraform/state.ts
var EXPECTED4 = "expected Terraform state: `terraform show -json` without a plan file, or a terraform.tfstate file";
var SHOW_HINT = "this is not state as `terraform show -json` prints it: print it again with `terraform show -json`";
var RAW_HINT = "this is not a state file as Terraform writes it: use the file Terraform wrote, or `terraform show -json`";
var RAW_STATE_VERSION = 4;
var LEGACY_STATE_VERSION = 3;
var LEGACY_KEY_RE = /^(data\.)?([^.]+)\.([^.]+)(?:\.(\d+))?$/;
function readTerraformState(doc, file) {
  const references = [];
  if (isTerraformShowState(doc)) {
    checkFormatVersion(doc.format_version, file, "state");
    readShowState(doc, new Shape(file, SHOW_HINT), references);
  } else if (isRawTerraformState(doc)) {
    readRawState(doc, new Shape(file, RAW_HINT), references);
  } else {
    throw new InputError(
      `${describeDocument(doc, "this JSON object has none of the fields of Terraform state (format_version and values, or version and resources)")}; ${EXPECTED4}`,
      file
    );
  }
  return { references, warnings: [] };
}
function readShowState(doc, shape, references) {
  const values = shape.sectionObject(doc, "values", "values", "the state's values (an object)");
  if (values === null) return;
  for (const resource of showStateResources(values, "values", shape)) {
    const instance = { ...resource, path: pathTo(resource.path, "values"), flat: false };
    references.push(...stateInstanceReferences(instance, "terraform-state", shape));
  }
  for (const output of showStateOutputs(values, "values", shape)) {
    const path = pathTo(output.path, "value");
    references.push(
      ...outputReferences(output.name, output.value, "terraform-state", null, shape, path)
    );
  }
}
function readRawState(doc, shape, references) {
  const version = doc.version;
  if (version === LEGACY_STATE_VERSION) {
    readLegacyState(doc, shape, references);
    return;
  }
  if (version < LEGACY_STATE_VERSION) {
    throw new InputError(
      `state version ${version} (Terraform < 0.7) is not supported; run Terraform 0.12 or later once to upgrade the state to version 4`,
      shape.file
    );
  }
  if (version !== RAW_STATE_VERSION) {
    throw new InputError(
      `state version ${version} is not supported; this version of kms-usage-lint reads state versions 3 and 4 (use \`terraform show -json\` to print any state in a stable format)`,
      shape.file
    );
  }
  const resources = shape.list(own(doc, "resources"), "resources", "a list of resources");
  resources.forEach((resource, index) => {
    readRawResource(resource, `resources[${index}]`, shape, references);
  });
  readOutputs(doc, "", shape, references);
}
function readRawResource(resource, at, shape, references) {
  const object = shape.object(resource, at, "a resource (an object)");
  const type = shape.text(own(object, "type"), `${at}.type`, "a resource type (a string)");
  const name = shape.text(own(object, "name"), `${at}.name`, "a resource name (a string)");
  const module = shape.nullableText(own(object, "module"), `${at}.module`, "a module address");
  const mode = resourceMode(own(object, "mode"), `${at}.mode`, shape);
  const base = `${module === null ? "" : `${module}.`}${mode === "data" ? "data." : ""}${type}.${name}`;
  const instances = shape.list(own(object, "instances"), `${at}.instances`, "a list of instances");
  instances.forEach((instance, index) => {
    const path = `${at}.instances[${index}]`;
    const checked = shape.object(instance, path, "an instance (an object)");
    const address = `${base}${instanceKey(own(checked, "index_key"), `${path}.index_key`, shape)}`;
    const nested = shape.nullableObject(own(checked, "attributes"), `${path}.attributes`);
    const flat = nested === null ? shape.nullableObject(own(checked, "attributes_flat"), `${path}.attributes_flat`) : null;
    const state = {
      address,
      type,
      mode,
      values: nested ?? flat,
      path: `${path}.${nested === null && flat !== null ? "attributes_flat" : "attributes"}`,
      flat: flat !== null
    };
    references.push(...stateInstanceReferences(state, "terraform-state", shape));
  });
}
function instanceKey(key, path, shape) {
  if (key === void 0 || key === null) return "";
  if (typeof key === "number" && Number.isInteger(key) && key >= 0) return `[${key}]`;
  if (typeof key === "string") return `[${JSON.stringify(key)}]`;
  return shape.fail(path, "a count index (a whole number) or a for_each key (a string)", key);
}
function readLegacyState(doc, shape, references) {
  const modules = shape.list(own(doc, "modules"), "modules", "a list of modules");
  modules.forEach((entry, m) => {
    const at = `modules[${m}]`;
    const module = shape.object(entry, at, "a module (an object)");
    const steps = shape.list(own(module, "path"), `${at}.path`, 'a module path (["root", \u2026])');
    const names = steps.map((step, i) => shape.text(step, `${at}.path[${i}]`, "a module name"));
    const prefix = names.slice(1).map((name) => `module.${name}.`).join("");
    const resources = shape.nullableObject(own(module, "resources"), `${at}.resources`, "an object of resources") ?? {};
    for (const key of Object.keys(resources)) {
      const path = pathTo(`${at}.resources`, key);
      const parsed = LEGACY_KEY_RE.exec(key);
      if (parsed === null) {
        shape.refuse(path, "expected a resource key TYPE.NAME, TYPE.NAME.N or data.TYPE.NAME");
      }
      const [, data, type, name, count] = parsed;
      const address = `${prefix}${data ?? ""}${type}.${name}${count === void 0 ? "" : `[${count}]`}`;
      const resource = shape.object(resources[key], path, "a resource (an object)");
      const deposed = own(resource, "deposed") === void 0 || own(resource, "deposed") === null ? [] : shape.list(own(resource, "deposed"), `${path}.deposed`, "a list of deposed objects");
      const objects = [
        [own(resource, "primary"), `${path}.primary`],
        ...deposed.map((object, i) => [object, `${path}.deposed[${i}]`])
      ];
      for (const [object, objectPath] of objects) {
        const checked = shape.nullableObject(object, objectPath, "an instance (an object)");
        if (checked === null) continue;
        const attributesPath = `${objectPath}.attributes`;
        const attributes = shape.nullableObject(own(checked, "attributes"), attributesPath);
        const state = {
          address,
          type,
          mode: data ? "data" : "managed",
          values: attributes,
          path: attributesPath,
          flat: true
        };
        references.push(...stateInstanceReferences(state, "terraform-state", shape));
      }
    }
    if (prefix === "") readOutputs(module, at, shape, references);
  });
}
function readOutputs(container, at, shape, references) {
  const outputsPath = pathTo(at, "outputs");
  const outputs = shape.sectionObject(container, "outputs", outputsPath, "an object of outputs");
  if (outputs === null) return;
  for (const name of Object.keys(outputs)) {
    const path = pathTo(outputsPath, name);
    const entry = shape.object(outputs[name], path, "an output ({value, \u2026})");
    references.push(
      ...outputReferences(
        name,
        own(entry, "value"),
        "terraform-state",
        null,
        shape,
        pathTo(path, "value")
      )
    );
  }
}

// src/sources/terraform/wrapper.ts
var WRAPPER_WARNING = "stripped the setup-terraform wrapper's lines (set terraform_wrapper: false on hashicorp/setup-terraform to get plain JSON)";
var COMMAND_PREFIX = "[command]";
var WORKFLOW_COMMAND = "\n::";
var ESCAPED_NEWLINE = "%0A";
function stripWrapper(text) {
  let start = 0;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  if (!text.startsWith(COMMAND_PREFIX, start)) return null;
  const firstNewline = text.indexOf("\n", start);
  if (firstNewline === -1) return null;
  const bodyStart2 = firstNewline + 1;
  const commands = text.indexOf(WORKFLOW_COMMAND, firstNewline);
  let end = commands === -1 ? text.length : commands;
  while (end > bodyStart2 && isBlank(text.charCodeAt(end - 1))) end--;
  if (text.endsWith(ESCAPED_NEWLINE, end)) end -= ESCAPED_NEWLINE.length;
  let linesBefore = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < bodyStart2; i = text.indexOf("\n", i + 1)) {
    linesBefore++;
  }
  return { json: text.slice(bodyStart2, end), warning: WRAPPER_WARNING, linesBefore };
}
function isBlank(code) {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 65279;
}

// src/sources/detect.ts
var EXPECTED5 = {
  "terraform-plan": "a Terraform plan (terraform show -json PLANFILE)",
  "terraform-state": "Terraform state (terraform show -json, or terraform.tfstate)",
  "terraform-outputs": "Terraform outputs (terraform output -json)",
  "cdk-outputs": "CDK deploy outputs (cdk deploy --outputs-file)",
  "cloudformation-template": "a CloudFormation template (JSON or YAML)",
  auto: "a Terraform plan, state or outputs as JSON, CDK deploy outputs, or a CloudFormation template"
};
var EXPECTED_ANY = "expected a Terraform plan (terraform show -json PLANFILE), Terraform state (terraform show -json, terraform.tfstate), Terraform outputs (terraform output -json), CDK deploy outputs (cdk deploy --outputs-file) or a CloudFormation template (JSON or YAML)";
var YAML_NAME_RE = /\.ya?ml$/i;
var YAML_TEMPLATE_KEY_RE = /^(?:AWSTemplateFormatVersion|Resources)[ \t]*:/m;
var ZIP_MAGIC = "PK";
var BINARY_SNIFF_CHARS = 8192;
function collectFromBytes(input, bytes, options = {}) {
  return collectPlanBytes(input, bytes) ?? collectFromText(input, bytes.toString("utf8"), options);
}
function collectPlanBytes(input, bytes) {
  if (input.kind !== "auto" && input.kind !== "terraform-plan") return null;
  let plan;
  try {
    plan = readPlanBytes(bytes, input.path);
  } catch (error) {
    if (error instanceof NotPiecewise || error instanceof InputError) return null;
    if (error instanceof RangeError) return null;
    throw error;
  }
  if (plan === null) return null;
  if (input.kind === "auto" && TEMPLATE_SECTIONS.some((key) => Object.hasOwn(plan.doc, key))) {
    return null;
  }
  return {
    references: plan.result.references,
    warnings: plan.result.warnings,
    terraform: { modules: readModuleCalls(plan.doc.configuration), root: "plan" }
  };
}
function collectFromText(input, text, options = {}) {
  checkText(text, input.path);
  checkNotTerraformSource(input, text);
  if (readsAsTemplateText(input, text)) {
    const parsed = parseTemplateText(text, input.path);
    if (input.kind === "auto" && !isCloudFormationTemplate(parsed.doc)) {
      throw new InputError(
        `not a recognised input: this YAML is not a CloudFormation template (it has no Resources); ${EXPECTED_ANY}`,
        input.path
      );
    }
    return collectTemplate(input, parsed.doc, parsed.warnings, options);
  }
  const warnings = [];
  const unwrapped = startsWithObject(text) ? null : stripWrapper(text);
  if (unwrapped !== null) warnings.push(unwrapped.warning);
  const doc = parseInput(unwrapped?.json ?? text, input, unwrapped?.linesBefore ?? 0);
  const kind = input.kind === "auto" ? detectKind(doc, input.path) : input.kind;
  switch (kind) {
    case "terraform-plan": {
      const result = readTerraformPlan(doc, input.path);
      const configuration = isJsonObject(doc) ? doc.configuration : void 0;
      return {
        references: result.references,
        warnings: [...warnings, ...result.warnings],
        terraform: { modules: readModuleCalls(configuration), root: "plan" }
      };
    }
    case "terraform-state": {
      const result = readTerraformState(doc, input.path);
      return {
        references: result.references,
        warnings: [...warnings, ...result.warnings],
        terraform: { modules: {}, root: "state" }
      };
    }
    case "terraform-outputs": {
      const result = readTerraformOutputs(doc, input.path);
      return { references: result.references, warnings: [...warnings, ...result.warnings] };
    }
    case "cdk-outputs": {
      const result = readCdkOutputs(doc, input.path);
      return { references: result.references, warnings: [...warnings, ...result.warnings] };
    }
    case "cloudformation-template":
      if (input.kind !== "auto" || !outputsLike(doc)) {
        return collectTemplate(input, doc, warnings, options);
      }
      try {
        return collectTemplate(input, doc, warnings, options);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new InputError(
          `${error.message} (if this is \`cdk deploy --outputs-file\` output of a stack named Resources, pass it with --cdk-outputs)`,
          error.file,
          error.line,
          { cause: error }
        );
      }
  }
}
function outputsLike(doc) {
  if (!isJsonObject(doc) || !isJsonObject(doc.Resources)) return false;
  const values = Object.values(doc.Resources);
  return values.length > 0 && values.every((v) => v === null || typeof v !== "object");
}
function readsAsTemplateText(input, text) {
  if (input.kind === "cloudformation-template") return true;
  if (input.kind !== "auto" || startsWithObject(text)) return false;
  return YAML_NAME_RE.test(input.path) || YAML_TEMPLATE_KEY_RE.test(text);
}
function collectTemplate(input, doc, warnings, options) {
  const stack = input.stack ?? defaultStack(input.path);
  const overrides = options.parameters ?? new ParameterOverrides();
  const result = readTemplate(doc, input.path, stack, {
    parameterValues: overrides.forStack(stack.name)
  });
  return {
    references: result.references,
    warnings: [...warnings, ...result.warnings],
    notes: result.notes,
    stacks: [result.stack]
  };
}
function defaultStack(path) {
  const name = basename(path).split(".")[0] ?? "";
  return { name: name === "" ? basename(path) : name, account: null, region: null };
}
function detectKind(doc, file) {
  if (isTerraformPlan(doc)) return "terraform-plan";
  if (isTerraformState(doc)) return "terraform-state";
  if (isTerraformOutputs(doc)) return "terraform-outputs";
  if (isCloudFormationTemplate(doc)) return "cloudformation-template";
  if (isCdkOutputs(doc)) return "cdk-outputs";
  if (isJsonObject(doc) && Object.keys(doc).length === 0) {
    throw new InputError(
      `the file holds an empty JSON object; ${EXPECTED_ANY} (an empty \`terraform output -json\` can be passed with --terraform-outputs, empty CDK outputs with --cdk-outputs)`,
      file
    );
  }
  if (isTerraformJsonConfiguration(doc, file)) throw terraformSourceError(file);
  const what = describeDocument(doc, "this JSON object is not a document this tool reads");
  const manifest = /cloud assembly manifest/.test(what) ? ", which is read with its directory: pass the cdk.out directory (--cdk-out DIR)" : "";
  throw new InputError(`not a recognised input: ${what}${manifest}; ${EXPECTED_ANY}`, file);
}
function parseInput(body, input, linesBefore) {
  const sections = input.kind === "auto" ? TEMPLATE_SECTIONS : [];
  return parseJson(body, input.path, EXPECTED5[input.kind], { sections, linesBefore });
}
function startsWithObject(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 123) return true;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 65279) {
      return false;
    }
  }
  return false;
}
function checkText(text, file) {
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (!head.includes("\0")) return;
  if (head.startsWith(ZIP_MAGIC)) {
    throw new InputError(
      "this is a binary Terraform plan (a zip archive, as `terraform plan -out` writes), expected JSON: run `terraform show -json PLANFILE > plan.json` and pass that",
      file
    );
  }
  const utf16 = head.startsWith("\uFFFD\uFFFD") || /^(?:[\t\n\r\x20-\x7e]\0){2}|^(?:\0[\t\n\r\x20-\x7e]){2}/.test(head);
  throw new InputError(
    utf16 ? "UTF-16 text, expected UTF-8 JSON (in PowerShell, write the file with `| Out-File -Encoding utf8`)" : "binary file, expected JSON",
    file
  );
}
var TERRAFORM_SOURCE_NAME_RE = /\.(?:tf|tfvars)(?:\.json)?$/i;
var HCL_BLOCK_RE = /^[ \t]*(?:resource|data|module|variable|output|provider|terraform|locals|moved|import|removed|check)(?:[ \t]+"[^"\n]*")*[ \t]*\{[ \t]*$/m;
var TERRAFORM_JSON_BLOCKS = /* @__PURE__ */ new Set([
  "resource",
  "data",
  "module",
  "variable",
  "output",
  "provider",
  "terraform",
  "locals",
  "moved",
  "import",
  "removed",
  "check"
]);
function checkNotTerraformSource(input, text) {
  if (input.kind !== "auto" && !input.kind.startsWith("terraform-")) return;
  if (startsWithObject(text)) return;
  if (/\.(?:tf|tfvars)$/i.test(input.path) || HCL_BLOCK_RE.test(text)) {
    throw terraformSourceError(input.path);
  }
}
function isTerraformJsonConfiguration(doc, file) {
  if (!isJsonObject(doc)) return false;
  const keys = Object.keys(doc);
  if (keys.length === 0) return TERRAFORM_SOURCE_NAME_RE.test(file);
  return keys.every((key) => TERRAFORM_JSON_BLOCKS.has(key) || key === "//") && (TERRAFORM_SOURCE_NAME_RE.test(file) || keys.some((key) => key === "resource" || key === "terraform"));
}
function terraformSourceError(file) {
  return new InputError(
    "this is Terraform source, not a plan: run `terraform plan -out PLANFILE` and `terraform show -json PLANFILE > plan.json`, and pass plan.json",
    file
  );
}
function utf16Input(text) {
  const head = text.slice(0, 2 * MARKER_SNIFF_CHARS).replace(/[\0\ufffd]/g, "");
  return INPUT_MARKER_RE.test(head);
}
function isPlanText(text) {
  if (!startsWithObject(text)) return false;
  try {
    const doc = planTopLevel(Buffer.from(text, "utf8"));
    return doc !== null && !TEMPLATE_SECTIONS.some((key) => Object.hasOwn(doc, key));
  } catch (error) {
    if (error instanceof NotPiecewise || error instanceof RangeError) return false;
    throw error;
  }
}
var INPUT_MARKER_RE = /"(?:format_version|terraform_version|resource_changes|planned_values|prior_state|lineage|AWSTemplateFormatVersion|Resources|artifacts)"\s*:|arn:aws[a-z-]*:kms:/;
var MARKER_SNIFF_CHARS = 64 * 1024;
var INPUT_NAME_RE = /\.tfstate$/i;
function recogniseText(path, text) {
  const input = { kind: "auto", path };
  const looksLikeInput = () => INPUT_NAME_RE.test(path) || // An empty JSON file is nothing else either: most often a `terraform show` that failed.
  text.trim() === "" && !YAML_NAME_RE.test(path) || INPUT_MARKER_RE.test(text.slice(0, MARKER_SNIFF_CHARS)) || // A template's top-level key, whatever the name (`stack.template` is YAML as often as JSON).
  !startsWithObject(text) && YAML_TEMPLATE_KEY_RE.test(text);
  if (TERRAFORM_SOURCE_NAME_RE.test(path)) return { kind: null, reason: "Terraform source" };
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (head.includes("\0")) {
    if (INPUT_NAME_RE.test(path) || head.startsWith(ZIP_MAGIC) || utf16Input(text)) {
      checkText(text, path);
    }
    return { kind: null, reason: "binary" };
  }
  if (isPlanText(text)) return { kind: "terraform-plan" };
  let doc;
  try {
    if (readsAsTemplateText(input, text)) {
      doc = parseTemplateText(text, path).doc;
      if (!isCloudFormationTemplate(doc)) return { kind: null, reason: "YAML, not a template" };
      return { kind: "cloudformation-template" };
    }
    const unwrapped = startsWithObject(text) ? null : stripWrapper(text);
    doc = parseInput(unwrapped?.json ?? text, input, unwrapped?.linesBefore ?? 0);
  } catch (error) {
    if (error instanceof InputError && looksLikeInput()) throw error;
    return { kind: null, reason: "does not parse" };
  }
  try {
    return { kind: detectKind(doc, path) };
  } catch (error) {
    if (error instanceof InputError && INPUT_NAME_RE.test(path)) throw error;
    return { kind: null, reason: "not an input" };
  }
}

// src/sources/discover.ts
import { join as join4, relative } from "node:path";
var MAX_SEARCH_DEPTH = 12;
var MAX_LOOK_DEPTH = 64;
var MAX_SEARCH_ENTRIES = 2e5;
var SKIPPED_DIRS2 = /* @__PURE__ */ new Set([".git", "node_modules", ".terraform"]);
var CANDIDATE_RE = /\.(?:json|ya?ml|tfstate|template)$/i;
var MAX_NAMED = 10;
async function searchDirectory(dir, deps) {
  const { files } = deps;
  if (!files.entries) throw new Error("searching a directory needs SourceFiles.entries");
  const list = files.entries;
  const result = { found: [], files: 0, directories: 0 };
  const seenDirs = /* @__PURE__ */ new Set();
  const seenFiles = /* @__PURE__ */ new Set();
  let listed = 0;
  const found = (input, depth) => {
    if (depth > MAX_SEARCH_DEPTH + 1) {
      throw new InputError(
        `an input below the search's depth of ${MAX_SEARCH_DEPTH} directories: name the inputs, or a directory nearer them`,
        input.path
      );
    }
    result.found.push(input);
  };
  const walk = async (path, depth) => {
    const absolute = deps.resolvePath(path);
    const real = await files.realPath?.(absolute) ?? absolute;
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    if (depth > 0 && await isCloudAssemblyDir(absolute, files)) {
      found({ path, kind: "cloud-assembly" }, depth);
      return;
    }
    if (depth > MAX_LOOK_DEPTH) {
      throw new InputError(
        `directories nested more than ${MAX_LOOK_DEPTH} levels below the searched directory (a loop of links?); inputs there would be missed, so name the inputs instead`,
        path
      );
    }
    result.directories++;
    let entries;
    try {
      entries = await list(absolute);
    } catch (cause) {
      throw new InputError(
        `cannot search this directory: ${describeReadError(cause)}; inputs in it would be missed, so name the inputs instead`,
        path,
        null,
        { cause }
      );
    }
    listed += entries.length;
    if (listed > MAX_SEARCH_ENTRIES) {
      throw new InputError(
        `more than ${MAX_SEARCH_ENTRIES} files and directories under the searched directory; name the inputs, or a directory nearer them`,
        dir
      );
    }
    const sorted = [...entries].sort((a, b) => compareText(a.name, b.name));
    for (const entry of sorted) {
      const child = join4(path, entry.name);
      if (entry.type === "directory") {
        if (!SKIPPED_DIRS2.has(entry.name)) await walk(child, depth + 1);
      } else if (entry.type === "file" && CANDIDATE_RE.test(entry.name)) {
        const absoluteChild = deps.resolvePath(child);
        const realChild = await files.realPath?.(absoluteChild) ?? absoluteChild;
        if (seenFiles.has(realChild)) continue;
        seenFiles.add(realChild);
        result.files++;
        const kind = await recogniseFile(child, deps);
        if (kind !== null) found({ path: child, kind }, depth + 1);
      }
    }
  };
  if (await isCloudAssemblyDir(deps.resolvePath(dir), files)) {
    return { ...result, found: [{ path: dir, kind: "cloud-assembly" }] };
  }
  await walk(dir, 0);
  return result;
}
async function recogniseFile(path, deps) {
  let text;
  try {
    text = await deps.readFile(path, MAX_INPUT_BYTES);
  } catch (cause) {
    throw new InputError(
      `cannot read this file of the searched directory: ${describeReadError(cause)}; it may be an input, so the run stops (move it out of the directory, or name the inputs instead)`,
      path,
      null,
      { cause }
    );
  }
  return recogniseText(path, text).kind;
}
var KIND_NAMES = {
  "terraform-plan": "Terraform plan",
  "terraform-state": "Terraform state",
  "terraform-outputs": "Terraform outputs",
  "cdk-outputs": "CDK outputs",
  "cloudformation-template": "CloudFormation template",
  "cloud-assembly": "cloud assembly"
};
function describeFound2(dir, where, result) {
  const named = result.found.slice(0, MAX_NAMED).map((input) => `${relative(dir, input.path) || "."} (${KIND_NAMES[input.kind]})`);
  const more = result.found.length - named.length;
  const count = plural(result.found.length, "input");
  return `found ${count} in ${where}: ${named.join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
}
function nothingFound(file, where, result) {
  const files = plural(result.files, "file");
  const dirs = plural(result.directories, "directory", { many: "directories" });
  return new NoInputsError(
    `no inputs found in ${where}: looked at ${files} (*.json, *.yaml, *.yml, *.tfstate, *.template) in ${dirs}, to depth ${MAX_SEARCH_DEPTH}, leaving out ${[...SKIPPED_DIRS2].join(", ")}, for Terraform plans, state and outputs as JSON, CloudFormation templates, CDK outputs and cloud assemblies; name an input (kms-usage-lint check plan.json, terraform show -json PLANFILE | kms-usage-lint check -) or a key (--key ARN)`,
    file
  );
}

// src/sources/explicit.ts
function explicitReferences(refs) {
  return refs.map((text) => ({
    source: "explicit",
    kind: "key",
    file: "--key",
    address: null,
    resourceType: null,
    attribute: null,
    target: parseKeyRef(text),
    action: null,
    change: null,
    location: null,
    suppressions: []
  }));
}
function parseKeyRef(text) {
  const arn = parseKmsArn(text);
  if (arn?.resource === "key") return { kind: "arn", arn: text };
  if (arn?.resource === "alias") {
    return { kind: "alias", name: arn.id, arn: text, region: arn.region };
  }
  if (isKeyId(text)) return { kind: "key-id", keyId: text, region: null };
  if (/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(text)) {
    return { kind: "alias", name: text, arn: null, region: null };
  }
  throw new InputError(
    `--key ${JSON.stringify(text)}: expected a key ARN, a key id (UUID or mrk-\u2026), an alias name (alias/\u2026) or an alias ARN`
  );
}

// src/sources/terraform/locate.ts
import { join as join5, resolve as resolve3 } from "node:path";

// src/sources/terraform/hcl-lexer.ts
var HEREDOC_START = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*$/y;
function lexLine(line, state) {
  const depthBefore = state.depth;
  if (state.heredoc !== null) {
    if (line.trim() === state.heredoc) state.heredoc = null;
    return { code: "", comment: null, depthBefore, heredoc: true };
  }
  const pieces = [];
  let comment = null;
  const nesting = [];
  let from = 0;
  let i = 0;
  while (i < line.length) {
    if (state.inBlockComment) {
      const end = line.indexOf("*/", i);
      if (end < 0) {
        from = i = line.length;
        break;
      }
      state.inBlockComment = false;
      from = i = end + 2;
      continue;
    }
    const c = line[i];
    const next = line[i + 1];
    const inside = nesting[nesting.length - 1];
    if (inside === "string") {
      if (c === "\\") i += 2;
      else if (c === '"') {
        nesting.pop();
        i += 1;
      } else if ((c === "$" || c === "%") && next === c && line[i + 2] === "{") i += 3;
      else if ((c === "$" || c === "%") && next === "{") {
        nesting.push("template");
        i += 2;
      } else i += 1;
      continue;
    }
    if (c === '"') nesting.push("string");
    else if (c === "{") {
      if (inside === void 0) state.depth += 1;
      else nesting.push("brace");
    } else if (c === "}") {
      if (inside === void 0) state.depth = Math.max(0, state.depth - 1);
      else nesting.pop();
    } else if (inside === void 0 && (c === "#" || c === "/" && next === "/")) {
      pieces.push(line.slice(from, i));
      comment = line.slice(c === "#" ? i + 1 : i + 2);
      from = i = line.length;
      break;
    } else if (inside === void 0 && c === "/" && next === "*") {
      pieces.push(line.slice(from, i), " ");
      state.inBlockComment = true;
      i += 2;
      continue;
    } else if (inside === void 0 && c === "<" && next === "<") {
      HEREDOC_START.lastIndex = i;
      const marker = HEREDOC_START.exec(line)?.[1];
      if (marker !== void 0) {
        pieces.push(line.slice(from, i));
        state.heredoc = marker;
        from = i = line.length;
        break;
      }
      i += 1;
    }
    i += 1;
  }
  pieces.push(line.slice(from));
  return { code: pieces.join(""), comment, depthBefore, heredoc: false };
}

// src/sources/terraform/locate.ts
async function locateTerraform(refs, options) {
  const indexes = /* @__PURE__ */ new Map();
  const context = {
    options,
    indexOf(dir) {
      let index = indexes.get(dir);
      if (index === void 0) {
        index = indexDirectory(dir, options);
        indexes.set(dir, index);
      }
      return index;
    }
  };
  const lookups = /* @__PURE__ */ new Map();
  for (const ref of refs) {
    const target = blockTarget(ref);
    if (target === null) continue;
    const key = targetKey(target);
    if (!lookups.has(key)) lookups.set(key, findDeclaration(target, context));
  }
  const found = new Map(
    await Promise.all([...lookups].map(async ([key, lookup]) => [key, await lookup]))
  );
  return refs.map((ref) => {
    const target = blockTarget(ref);
    const declaration = target === null ? null : found.get(targetKey(target)) ?? null;
    return declaration === null ? ref : withDeclaration(ref, declaration);
  });
}
function targetKey(target) {
  return [...target.modules, target.block].join("\0");
}
var TERRAFORM_SOURCES = /* @__PURE__ */ new Set([
  "terraform-plan",
  "terraform-state",
  "terraform-outputs"
]);
function withDeclaration(ref, found) {
  return {
    ...ref,
    location: found.location,
    suppressions: [...ref.suppressions, ...found.suppressions]
  };
}
var IDENTIFIER = "[A-Za-z_][A-Za-z0-9_-]*";
var INSTANCE_KEY = String.raw`\[(?:"(?:[^"\\]|\\.)*"|\d+)\]`;
var RESOURCE_PART = new RegExp(
  `^(data\\.)?(${IDENTIFIER})\\.(${IDENTIFIER})(?:${INSTANCE_KEY})?$`
);
var OUTPUT_ADDRESS = new RegExp(`^output\\.(${IDENTIFIER})$`);
function blockTarget(ref) {
  const address = ref.address;
  if (ref.location !== null || !TERRAFORM_SOURCES.has(ref.source) || address === null) return null;
  if (ref.kind === "output") {
    const name = OUTPUT_ADDRESS.exec(address)?.[1];
    return name === void 0 ? null : { modules: [], block: `output ${name}`, resource: null };
  }
  if (ref.resourceType === null) return null;
  const modules = modulePath(address);
  const rest = afterModules(address, modules);
  const match = rest === null ? null : RESOURCE_PART.exec(rest);
  if (!match || match[2] !== ref.resourceType) return null;
  const resource = `${match[2]}.${match[3]}`;
  return match[1] ? { modules, block: `data ${resource}`, resource: null } : { modules, block: `resource ${resource}`, resource };
}
function afterModules(address, modules) {
  let at = 0;
  for (const name of modules) {
    const step = `module.${name}`;
    if (!address.startsWith(step, at)) return null;
    at = skipInstanceKey(address, at + step.length);
    if (at < 0 || address[at] !== ".") return null;
    at += 1;
  }
  return address.slice(at);
}
function skipInstanceKey(address, at) {
  if (address[at] !== "[") return at;
  let i = at + 1;
  if (address[i] === '"') {
    for (i += 1; i < address.length && address[i] !== '"'; i += 1) {
      if (address[i] === "\\") i += 1;
    }
    i += 1;
  } else {
    while (i < address.length && address[i] !== "]") i += 1;
  }
  return address[i] === "]" ? i + 1 : -1;
}
async function findDeclaration(target, context) {
  const dirs = moduleDirectories(target.modules, context.options);
  const own2 = dirs[dirs.length - 1] ?? null;
  if (own2 !== null) {
    const found = (await context.indexOf(own2)).get(target.block);
    if (found !== void 0) return only(found);
  }
  if (target.resource === null) return null;
  return await findRemoval("removed", target, dirs, context) ?? await findRemoval("moved", target, dirs, context);
}
async function findRemoval(kind, target, dirs, context) {
  for (let depth = dirs.length - 1; depth >= 0; depth -= 1) {
    const dir = dirs[depth];
    if (dir === void 0 || dir === null) continue;
    const index = await context.indexOf(dir);
    for (const from of removalNames(target, depth)) {
      const found = index.get(`${kind} ${from}`);
      if (found !== void 0) return only(found);
    }
  }
  return null;
}
function removalNames(target, depth) {
  const steps = target.modules.slice(depth).map((name) => `module.${name}`);
  const names = [[...steps, target.resource].join(".")];
  for (let n = steps.length; n > 0; n -= 1) names.push(steps.slice(0, n).join("."));
  return names;
}
function only(declarations) {
  return declarations.length === 1 ? declarations[0] ?? null : null;
}
function moduleDirectories(modules, options) {
  const repoRoot = resolve3(options.repoRoot);
  let dir = resolve3(options.rootDir);
  let calls = options.modules;
  const dirs = [];
  const inRepo = (d) => d !== null && repoRelative(repoRoot, d) !== null ? d : null;
  dirs.push(inRepo(dir));
  for (const name of modules) {
    const call = calls !== null && Object.hasOwn(calls, name) ? calls[name] : void 0;
    if (dir === null || call === void 0 || !isLocalSource(call.source)) {
      dir = null;
      calls = null;
    } else {
      dir = resolve3(dir, call.source);
      calls = call.calls;
    }
    dirs.push(inRepo(dir));
  }
  return dirs;
}
function isLocalSource(source) {
  return /^\.\.?[/\\]/.test(source);
}
async function indexDirectory(dir, options) {
  const index = /* @__PURE__ */ new Map();
  const names = (await options.files.list(dir) ?? []).filter(isConfigurationFile).sort();
  const texts = await Promise.all(names.map((name) => options.files.readText(join5(dir, name))));
  const repoRoot = resolve3(options.repoRoot);
  names.forEach((name, i) => {
    const text = texts[i];
    const file = repoRelative(repoRoot, join5(dir, name));
    if (text === void 0 || text === null || file === null || text.includes("\0")) return;
    for (const block of scanBlocks(text)) {
      const declaration = {
        location: {
          file,
          line: block.line,
          column: block.column,
          ...block.endLine === void 0 ? {} : { endLine: block.endLine }
        },
        suppressions: block.suppressions.map(({ ruleId, reason, line }) => ({
          ruleId,
          reason,
          location: { file, line }
        }))
      };
      const list = index.get(block.key);
      if (list) list.push(declaration);
      else index.set(block.key, [declaration]);
    }
  });
  return index;
}
function isConfigurationFile(name) {
  if (!name.endsWith(".tf") || name.startsWith(".") || name.startsWith("#")) return false;
  const stem = name.slice(0, -".tf".length);
  return stem !== "override" && !stem.endsWith("_override");
}
var LABEL = `"([^"\\\\]*)"|(${IDENTIFIER})(?![A-Za-z0-9_-])`;
var RESOURCE_HEADER = new RegExp(`^\\s*(resource|data)\\s+(?:${LABEL})\\s*(?:${LABEL})\\s*\\{`);
var OUTPUT_HEADER = new RegExp(`^\\s*output\\s+(?:${LABEL})\\s*\\{`);
var REMOVAL_HEADER = /^\s*(removed|moved)\s*\{/;
var FROM_ATTRIBUTE = /(?:^|[\s{])from\s*=\s*((?:[^\s}"#]|"(?:[^"\\]|\\.)*")+)/;
var INSTANCE_KEYS = new RegExp(INSTANCE_KEY, "g");
function scanBlocks(source) {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  const state = { inBlockComment: false, heredoc: null, depth: 0 };
  const blocks = [];
  let comments = [];
  let removal = null;
  let open = null;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const lexed = lexLine(raw, state);
    if (lexed.code.trim() === "") {
      if (lexed.heredoc || raw.trim() === "") comments = [];
      else comments.push({ line, text: lexed.comment });
      return;
    }
    const above = comments;
    comments = [];
    if (lexed.depthBefore === 0) {
      const header = blockHeader(lexed.code);
      const column = raw.search(/\S/) + 1;
      if (header !== null) {
        open = { key: header, line, column, suppressions: suppressionsIn(above) };
        blocks.push(open);
      } else {
        const kind = REMOVAL_HEADER.exec(lexed.code)?.[1];
        if (kind === "removed" || kind === "moved") {
          removal = { kind, line, column, suppressions: suppressionsIn(above), from: null };
        }
      }
    }
    if (removal !== null) {
      if (removal.from === null && (lexed.depthBefore === 1 || removal.line === line)) {
        const from = FROM_ATTRIBUTE.exec(lexed.code)?.[1];
        if (from !== void 0) removal.from = from.replace(INSTANCE_KEYS, "");
      }
      if (state.depth === 0) {
        if (removal.from !== null) {
          const { kind, from, column, suppressions } = removal;
          blocks.push({
            key: `${kind} ${from}`,
            line: removal.line,
            column,
            endLine: line,
            suppressions
          });
        }
        removal = null;
      }
    }
    if (open !== null && state.depth === 0) {
      open.endLine = line;
      open = null;
    }
  });
  return blocks;
}
function blockHeader(code) {
  const resource = RESOURCE_HEADER.exec(code);
  if (resource) {
    const type = resource[2] ?? resource[3];
    const name = resource[4] ?? resource[5];
    return `${resource[1]} ${type}.${name}`;
  }
  const output = OUTPUT_HEADER.exec(code);
  return output ? `output ${output[1] ?? output[2]}` : null;
}
var SUPPRESSION = /^\s*kms-usage-lint-ignore(?:\s+(\S+)(?:\s+(.*))?)?\s*$/;
var RULE_ID = /^(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*)$/;
var NO_REASON = "(no reason given)";
function suppressionsIn(comments) {
  const found = [];
  for (const { line, text } of comments) {
    const match = text === null ? null : SUPPRESSION.exec(text);
    const ruleId = match?.[1];
    if (ruleId === void 0 || !RULE_ID.test(ruleId)) continue;
    const reason = match?.[2]?.trim() ?? "";
    found.push({ ruleId, reason: reason === "" ? NO_REASON : reason, line });
  }
  return found;
}

// src/sources/collect.ts
async function collectReferences(options, deps, stages) {
  const parts = [explicitReferences([...options.keys])];
  const parameters = new ParameterOverrides([...options.parameters]);
  let repo = null;
  const repository = () => {
    repo ??= openRepository(options, deps);
    return repo;
  };
  checkStdin(options);
  const reading = { options, parameters, deps, repository };
  const read = /* @__PURE__ */ new Set();
  const readAs = /* @__PURE__ */ new Set();
  for (const dir of [...options.cdkOut, options.cdkBase ?? []].flat())
    read.add(resolve4(deps.cwd, dir));
  const collectInput = async (input, foundAs) => {
    const path = resolve4(deps.cwd, input.path);
    const as = readingKey(path, input);
    if (readAs.has(as)) return;
    read.add(path);
    readAs.add(as);
    if (foundAs !== void 0) readAs.add(readingKey(path, { ...input, kind: foundAs }));
    parts.push(await collectFile(input, reading));
  };
  const collectDir = async (dir) => {
    const path = resolve4(deps.cwd, dir);
    if (read.has(path)) return;
    read.add(path);
    const assembly = { dir, baseDir: null };
    const repo2 = await repository();
    parts.push(await collectAssembly(assembly, repo2, parameters, deps, stages));
  };
  const nothingNamed = options.inputs.length === 0 && options.keys.length === 0 && options.cdkOut.length === 0;
  const inputs = nothingNamed ? [{ kind: "auto", path: "." }] : options.inputs;
  for (const input of inputs) {
    const path = resolve4(deps.cwd, input.path);
    if (input.path === STDIN) {
      parts.push(await collectStdin(input, reading));
    } else if (input.kind === "auto" && await isCloudAssemblyDir(path, deps.sourceFiles)) {
      await collectDir(input.path);
    } else if (input.kind === "auto" && await deps.sourceFiles.list(path) !== null) {
      for (const found of await search(input.path, nothingNamed, deps)) {
        if (read.has(resolve4(deps.cwd, found.path))) continue;
        if (found.kind === "cloud-assembly") await collectDir(found.path);
        else await collectInput({ kind: "auto", path: found.path }, found.kind);
      }
    } else {
      await collectInput(input);
    }
  }
  for (const dir of options.cdkOut) {
    const assembly = { dir, baseDir: options.cdkBase };
    const repo2 = await repository();
    parts.push(await collectAssembly(assembly, repo2, parameters, deps, stages));
  }
  parameters.checkAllApplied();
  return parts.flat();
}
function readingKey(path, input) {
  return JSON.stringify([path, input.kind, input.stack ?? null]);
}
async function search(dir, workingDir, deps) {
  const where = workingDir ? `the working directory (${deps.cwd})` : dir;
  const result = await searchDirectory(dir, {
    files: deps.sourceFiles,
    readFile: deps.readFile,
    resolvePath: (path) => resolve4(deps.cwd, path)
  });
  if (result.found.length === 0) throw nothingFound(workingDir ? null : dir, where, result);
  deps.logger.info(describeFound2(dir, where, result));
  return result.found;
}
var STDIN = "-";
var STDIN_NAME = "<stdin>";
function checkStdin(options) {
  if (options.inputs.filter((input) => input.path === STDIN).length > 1) {
    throw new InputError(
      "`-` (standard input) is named more than once; it can be read only once: save all but one input to files"
    );
  }
  if (options.cdkOut.includes(STDIN) || options.cdkBase === STDIN) {
    throw new InputError(
      "a cloud assembly is a directory, which cannot come through standard input: name the cdk.out directory"
    );
  }
}
async function collectStdin(input, reading) {
  const { readStdin } = reading.deps;
  if (!readStdin) {
    throw new InputError("there is no standard input to read here: name the input's file", STDIN);
  }
  let text;
  try {
    text = await readStdin(MAX_INPUT_BYTES);
  } catch (cause) {
    const message = `cannot read standard input: ${describeReadError(cause)}`;
    throw new InputError(message, STDIN_NAME, null, { cause });
  }
  const stdin = { ...input, path: STDIN_NAME };
  return located(stdin, collectFromText(stdin, text, { parameters: reading.parameters }), reading);
}
async function collectFile(input, reading) {
  const bytes = await readInputBytes(input.path, reading.deps);
  return located(
    input,
    collectFromBytes(input, bytes, { parameters: reading.parameters }),
    reading
  );
}
async function located(input, collected, { options, deps, repository }) {
  for (const warning of collected.warnings) deps.logger.warn(`${input.path}: ${warning}`);
  for (const note of collected.notes ?? []) deps.logger.debug(`${input.path}: ${note}`);
  if (collected.terraform) {
    const { repoRoot, baseFiles } = await repository();
    const located2 = {
      rootDir: resolve4(deps.cwd, options.terraformDir ?? dirname(input.path)),
      repoRoot,
      modules: collected.terraform.modules,
      files: deps.sourceFiles
    };
    const references = await locateTerraform(collected.references, located2);
    if (baseFiles === null) return references;
    return withBaseLocations(
      references,
      (refs) => locateTerraform(refs, { ...located2, files: baseFiles })
    );
  }
  if (collected.stacks) {
    const { repoRoot } = await repository();
    const located2 = { repoRoot, appDir: null, files: deps.sourceFiles, workingDir: deps.cwd };
    return locateCdk(collected.references, collected.stacks, located2);
  }
  return collected.references;
}
async function openRepository(options, deps) {
  const repoRoot = await findRoot(options, deps);
  if (options.baseRef === null || !deps.gitRevision) return { repoRoot, baseFiles: null };
  const baseFiles = await deps.gitRevision(repoRoot, options.baseRef);
  if (baseFiles === null) {
    deps.logger.warn(
      `--base-ref ${options.baseRef}: no such commit in the git repository at ${repoRoot} (a shallow clone?); removed resources get no line`
    );
  }
  return { repoRoot, baseFiles };
}
async function findRoot(options, deps) {
  if (options.repoRoot !== null) return resolve4(deps.cwd, options.repoRoot);
  return await findRepoRoot(deps.cwd, deps.sourceFiles) ?? deps.cwd;
}
async function collectAssembly({ dir, baseDir }, { repoRoot, baseFiles }, parameters, deps, stages) {
  const head = await readCloudAssembly(resolve4(deps.cwd, dir), deps.sourceFiles, { parameters });
  for (const warning of head.warnings) deps.logger.warn(warning);
  for (const note of head.notes) deps.logger.debug(note);
  let references = head.references;
  let baseStacks = [];
  if (baseDir !== null) {
    const base = await readCloudAssembly(resolve4(deps.cwd, baseDir), deps.sourceFiles, {
      parameters,
      base: true
    });
    for (const warning of base.warnings) deps.logger.warn(warning);
    references = references.concat(diffStacks(base.stacks, head.stacks, "cdk-assembly"));
    baseStacks = base.stacks;
  } else {
    references = references.concat(await stages.compareWithDeployed(head.stacks));
  }
  const parent = dirname(resolve4(deps.cwd, dir));
  const appDir = await deps.sourceFiles.readText(resolve4(parent, "cdk.json")) !== null ? parent : null;
  const located2 = await locateCdk(references, head.stacks, {
    repoRoot,
    appDir,
    files: deps.sourceFiles,
    workingDir: deps.cwd
  });
  if (baseStacks.length === 0 || baseFiles === null) return located2;
  return withBaseLocations(
    located2,
    (refs) => locateCdk(refs, baseStacks, { repoRoot, appDir, files: baseFiles, workingDir: deps.cwd })
  );
}
async function readInputBytes(path, deps) {
  if (!deps.readFileBytes) return Buffer.from(await readInput(path, "input", deps), "utf8");
  try {
    return await deps.readFileBytes(path, MAX_INPUT_BYTES);
  } catch (cause) {
    throw new InputError(`cannot read input: ${describeReadError(cause)}`, path, null, { cause });
  }
}
async function readInput(path, what, deps) {
  try {
    return await deps.readFile(path, MAX_INPUT_BYTES);
  } catch (cause) {
    throw new InputError(`cannot read ${what}: ${describeReadError(cause)}`, path, null, {
      cause
    });
  }
}

export {
  ucs2length,
  readSnapshot,
  captureSpan,
  heldAnswers,
  snapshotFactSource,
  buildReport,
  sarifFingerprint,
  failsAt,
  require_dist,
  MAX_NESTED_STACK_DEPTH,
  diffDeployed,
  removedNestedStacks,
  removedStackKeys,
  collectReferences,
  readInput
};
