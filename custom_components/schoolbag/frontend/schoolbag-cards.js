const q = globalThis, ae = q.ShadowRoot && (q.ShadyCSS === void 0 || q.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype, de = /* @__PURE__ */ Symbol(), xe = /* @__PURE__ */ new WeakMap();
let Me = class {
  constructor(e, t, s) {
    if (this._$cssResult$ = !0, s !== de) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
    this.cssText = e, this.t = t;
  }
  get styleSheet() {
    let e = this.o;
    const t = this.t;
    if (ae && e === void 0) {
      const s = t !== void 0 && t.length === 1;
      s && (e = xe.get(t)), e === void 0 && ((this.o = e = new CSSStyleSheet()).replaceSync(this.cssText), s && xe.set(t, e));
    }
    return e;
  }
  toString() {
    return this.cssText;
  }
};
const Ke = (r) => new Me(typeof r == "string" ? r : r + "", void 0, de), U = (r, ...e) => {
  const t = r.length === 1 ? r[0] : e.reduce((s, n, i) => s + ((o) => {
    if (o._$cssResult$ === !0) return o.cssText;
    if (typeof o == "number") return o;
    throw Error("Value passed to 'css' function must be a 'css' function result: " + o + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
  })(n) + r[i + 1], r[0]);
  return new Me(t, r, de);
}, Ge = (r, e) => {
  if (ae) r.adoptedStyleSheets = e.map((t) => t instanceof CSSStyleSheet ? t : t.styleSheet);
  else for (const t of e) {
    const s = document.createElement("style"), n = q.litNonce;
    n !== void 0 && s.setAttribute("nonce", n), s.textContent = t.cssText, r.appendChild(s);
  }
}, Ae = ae ? (r) => r : (r) => r instanceof CSSStyleSheet ? ((e) => {
  let t = "";
  for (const s of e.cssRules) t += s.cssText;
  return Ke(t);
})(r) : r;
const { is: Je, defineProperty: Ye, getOwnPropertyDescriptor: Qe, getOwnPropertyNames: Xe, getOwnPropertySymbols: et, getPrototypeOf: tt } = Object, Y = globalThis, ke = Y.trustedTypes, st = ke ? ke.emptyScript : "", rt = Y.reactiveElementPolyfillSupport, I = (r, e) => r, V = { toAttribute(r, e) {
  switch (e) {
    case Boolean:
      r = r ? st : null;
      break;
    case Object:
    case Array:
      r = r == null ? r : JSON.stringify(r);
  }
  return r;
}, fromAttribute(r, e) {
  let t = r;
  switch (e) {
    case Boolean:
      t = r !== null;
      break;
    case Number:
      t = r === null ? null : Number(r);
      break;
    case Object:
    case Array:
      try {
        t = JSON.parse(r);
      } catch {
        t = null;
      }
  }
  return t;
} }, ce = (r, e) => !Je(r, e), Se = { attribute: !0, type: String, converter: V, reflect: !1, useDefault: !1, hasChanged: ce };
Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), Y.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
let C = class extends HTMLElement {
  static addInitializer(e) {
    this._$Ei(), (this.l ??= []).push(e);
  }
  static get observedAttributes() {
    return this.finalize(), this._$Eh && [...this._$Eh.keys()];
  }
  static createProperty(e, t = Se) {
    if (t.state && (t.attribute = !1), this._$Ei(), this.prototype.hasOwnProperty(e) && ((t = Object.create(t)).wrapped = !0), this.elementProperties.set(e, t), !t.noAccessor) {
      const s = /* @__PURE__ */ Symbol(), n = this.getPropertyDescriptor(e, s, t);
      n !== void 0 && Ye(this.prototype, e, n);
    }
  }
  static getPropertyDescriptor(e, t, s) {
    const { get: n, set: i } = Qe(this.prototype, e) ?? { get() {
      return this[t];
    }, set(o) {
      this[t] = o;
    } };
    return { get: n, set(o) {
      const a = n?.call(this);
      i?.call(this, o), this.requestUpdate(e, a, s);
    }, configurable: !0, enumerable: !0 };
  }
  static getPropertyOptions(e) {
    return this.elementProperties.get(e) ?? Se;
  }
  static _$Ei() {
    if (this.hasOwnProperty(I("elementProperties"))) return;
    const e = tt(this);
    e.finalize(), e.l !== void 0 && (this.l = [...e.l]), this.elementProperties = new Map(e.elementProperties);
  }
  static finalize() {
    if (this.hasOwnProperty(I("finalized"))) return;
    if (this.finalized = !0, this._$Ei(), this.hasOwnProperty(I("properties"))) {
      const t = this.properties, s = [...Xe(t), ...et(t)];
      for (const n of s) this.createProperty(n, t[n]);
    }
    const e = this[Symbol.metadata];
    if (e !== null) {
      const t = litPropertyMetadata.get(e);
      if (t !== void 0) for (const [s, n] of t) this.elementProperties.set(s, n);
    }
    this._$Eh = /* @__PURE__ */ new Map();
    for (const [t, s] of this.elementProperties) {
      const n = this._$Eu(t, s);
      n !== void 0 && this._$Eh.set(n, t);
    }
    this.elementStyles = this.finalizeStyles(this.styles);
  }
  static finalizeStyles(e) {
    const t = [];
    if (Array.isArray(e)) {
      const s = new Set(e.flat(1 / 0).reverse());
      for (const n of s) t.unshift(Ae(n));
    } else e !== void 0 && t.push(Ae(e));
    return t;
  }
  static _$Eu(e, t) {
    const s = t.attribute;
    return s === !1 ? void 0 : typeof s == "string" ? s : typeof e == "string" ? e.toLowerCase() : void 0;
  }
  constructor() {
    super(), this._$Ep = void 0, this.isUpdatePending = !1, this.hasUpdated = !1, this._$Em = null, this._$Ev();
  }
  _$Ev() {
    this._$ES = new Promise((e) => this.enableUpdating = e), this._$AL = /* @__PURE__ */ new Map(), this._$E_(), this.requestUpdate(), this.constructor.l?.forEach((e) => e(this));
  }
  addController(e) {
    (this._$EO ??= /* @__PURE__ */ new Set()).add(e), this.renderRoot !== void 0 && this.isConnected && e.hostConnected?.();
  }
  removeController(e) {
    this._$EO?.delete(e);
  }
  _$E_() {
    const e = /* @__PURE__ */ new Map(), t = this.constructor.elementProperties;
    for (const s of t.keys()) this.hasOwnProperty(s) && (e.set(s, this[s]), delete this[s]);
    e.size > 0 && (this._$Ep = e);
  }
  createRenderRoot() {
    const e = this.shadowRoot ?? this.attachShadow(this.constructor.shadowRootOptions);
    return Ge(e, this.constructor.elementStyles), e;
  }
  connectedCallback() {
    this.renderRoot ??= this.createRenderRoot(), this.enableUpdating(!0), this._$EO?.forEach((e) => e.hostConnected?.());
  }
  enableUpdating(e) {
  }
  disconnectedCallback() {
    this._$EO?.forEach((e) => e.hostDisconnected?.());
  }
  attributeChangedCallback(e, t, s) {
    this._$AK(e, s);
  }
  _$ET(e, t) {
    const s = this.constructor.elementProperties.get(e), n = this.constructor._$Eu(e, s);
    if (n !== void 0 && s.reflect === !0) {
      const i = (s.converter?.toAttribute !== void 0 ? s.converter : V).toAttribute(t, s.type);
      this._$Em = e, i == null ? this.removeAttribute(n) : this.setAttribute(n, i), this._$Em = null;
    }
  }
  _$AK(e, t) {
    const s = this.constructor, n = s._$Eh.get(e);
    if (n !== void 0 && this._$Em !== n) {
      const i = s.getPropertyOptions(n), o = typeof i.converter == "function" ? { fromAttribute: i.converter } : i.converter?.fromAttribute !== void 0 ? i.converter : V;
      this._$Em = n;
      const a = o.fromAttribute(t, i.type);
      this[n] = a ?? this._$Ej?.get(n) ?? a, this._$Em = null;
    }
  }
  requestUpdate(e, t, s, n = !1, i) {
    if (e !== void 0) {
      const o = this.constructor;
      if (n === !1 && (i = this[e]), s ??= o.getPropertyOptions(e), !((s.hasChanged ?? ce)(i, t) || s.useDefault && s.reflect && i === this._$Ej?.get(e) && !this.hasAttribute(o._$Eu(e, s)))) return;
      this.C(e, t, s);
    }
    this.isUpdatePending === !1 && (this._$ES = this._$EP());
  }
  C(e, t, { useDefault: s, reflect: n, wrapped: i }, o) {
    s && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(e) && (this._$Ej.set(e, o ?? t ?? this[e]), i !== !0 || o !== void 0) || (this._$AL.has(e) || (this.hasUpdated || s || (t = void 0), this._$AL.set(e, t)), n === !0 && this._$Em !== e && (this._$Eq ??= /* @__PURE__ */ new Set()).add(e));
  }
  async _$EP() {
    this.isUpdatePending = !0;
    try {
      await this._$ES;
    } catch (t) {
      Promise.reject(t);
    }
    const e = this.scheduleUpdate();
    return e != null && await e, !this.isUpdatePending;
  }
  scheduleUpdate() {
    return this.performUpdate();
  }
  performUpdate() {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      if (this.renderRoot ??= this.createRenderRoot(), this._$Ep) {
        for (const [n, i] of this._$Ep) this[n] = i;
        this._$Ep = void 0;
      }
      const s = this.constructor.elementProperties;
      if (s.size > 0) for (const [n, i] of s) {
        const { wrapped: o } = i, a = this[n];
        o !== !0 || this._$AL.has(n) || a === void 0 || this.C(n, void 0, i, a);
      }
    }
    let e = !1;
    const t = this._$AL;
    try {
      e = this.shouldUpdate(t), e ? (this.willUpdate(t), this._$EO?.forEach((s) => s.hostUpdate?.()), this.update(t)) : this._$EM();
    } catch (s) {
      throw e = !1, this._$EM(), s;
    }
    e && this._$AE(t);
  }
  willUpdate(e) {
  }
  _$AE(e) {
    this._$EO?.forEach((t) => t.hostUpdated?.()), this.hasUpdated || (this.hasUpdated = !0, this.firstUpdated(e)), this.updated(e);
  }
  _$EM() {
    this._$AL = /* @__PURE__ */ new Map(), this.isUpdatePending = !1;
  }
  get updateComplete() {
    return this.getUpdateComplete();
  }
  getUpdateComplete() {
    return this._$ES;
  }
  shouldUpdate(e) {
    return !0;
  }
  update(e) {
    this._$Eq &&= this._$Eq.forEach((t) => this._$ET(t, this[t])), this._$EM();
  }
  updated(e) {
  }
  firstUpdated(e) {
  }
};
C.elementStyles = [], C.shadowRootOptions = { mode: "open" }, C[I("elementProperties")] = /* @__PURE__ */ new Map(), C[I("finalized")] = /* @__PURE__ */ new Map(), rt?.({ ReactiveElement: C }), (Y.reactiveElementVersions ??= []).push("2.1.2");
const le = globalThis, Ee = (r) => r, Z = le.trustedTypes, Ce = Z ? Z.createPolicy("lit-html", { createHTML: (r) => r }) : void 0, Re = "$lit$", $ = `lit$${Math.random().toFixed(9).slice(2)}$`, je = "?" + $, nt = `<${je}>`, x = document, M = () => x.createComment(""), R = (r) => r === null || typeof r != "object" && typeof r != "function", he = Array.isArray, it = (r) => he(r) || typeof r?.[Symbol.iterator] == "function", re = `[ 	
\f\r]`, D = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g, Te = /-->/g, Pe = />/g, y = RegExp(`>|${re}(?:([^\\s"'>=/]+)(${re}*=${re}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g"), Oe = /'/g, Ue = /"/g, ze = /^(?:script|style|textarea|title)$/i, ot = (r) => (e, ...t) => ({ _$litType$: r, strings: e, values: t }), c = ot(1), g = /* @__PURE__ */ Symbol.for("lit-noChange"), l = /* @__PURE__ */ Symbol.for("lit-nothing"), De = /* @__PURE__ */ new WeakMap(), b = x.createTreeWalker(x, 129);
function He(r, e) {
  if (!he(r) || !r.hasOwnProperty("raw")) throw Error("invalid template strings array");
  return Ce !== void 0 ? Ce.createHTML(e) : e;
}
const at = (r, e) => {
  const t = r.length - 1, s = [];
  let n, i = e === 2 ? "<svg>" : e === 3 ? "<math>" : "", o = D;
  for (let a = 0; a < t; a++) {
    const d = r[a];
    let u, p, h = -1, m = 0;
    for (; m < d.length && (o.lastIndex = m, p = o.exec(d), p !== null); ) m = o.lastIndex, o === D ? p[1] === "!--" ? o = Te : p[1] !== void 0 ? o = Pe : p[2] !== void 0 ? (ze.test(p[2]) && (n = RegExp("</" + p[2], "g")), o = y) : p[3] !== void 0 && (o = y) : o === y ? p[0] === ">" ? (o = n ?? D, h = -1) : p[1] === void 0 ? h = -2 : (h = o.lastIndex - p[2].length, u = p[1], o = p[3] === void 0 ? y : p[3] === '"' ? Ue : Oe) : o === Ue || o === Oe ? o = y : o === Te || o === Pe ? o = D : (o = y, n = void 0);
    const v = o === y && r[a + 1].startsWith("/>") ? " " : "";
    i += o === D ? d + nt : h >= 0 ? (s.push(u), d.slice(0, h) + Re + d.slice(h) + $ + v) : d + $ + (h === -2 ? a : v);
  }
  return [He(r, i + (r[t] || "<?>") + (e === 2 ? "</svg>" : e === 3 ? "</math>" : "")), s];
};
class j {
  constructor({ strings: e, _$litType$: t }, s) {
    let n;
    this.parts = [];
    let i = 0, o = 0;
    const a = e.length - 1, d = this.parts, [u, p] = at(e, t);
    if (this.el = j.createElement(u, s), b.currentNode = this.el.content, t === 2 || t === 3) {
      const h = this.el.content.firstChild;
      h.replaceWith(...h.childNodes);
    }
    for (; (n = b.nextNode()) !== null && d.length < a; ) {
      if (n.nodeType === 1) {
        if (n.hasAttributes()) for (const h of n.getAttributeNames()) if (h.endsWith(Re)) {
          const m = p[o++], v = n.getAttribute(h).split($), W = /([.?@])?(.*)/.exec(m);
          d.push({ type: 1, index: i, name: W[2], strings: v, ctor: W[1] === "." ? ct : W[1] === "?" ? lt : W[1] === "@" ? ht : Q }), n.removeAttribute(h);
        } else h.startsWith($) && (d.push({ type: 6, index: i }), n.removeAttribute(h));
        if (ze.test(n.tagName)) {
          const h = n.textContent.split($), m = h.length - 1;
          if (m > 0) {
            n.textContent = Z ? Z.emptyScript : "";
            for (let v = 0; v < m; v++) n.append(h[v], M()), b.nextNode(), d.push({ type: 2, index: ++i });
            n.append(h[m], M());
          }
        }
      } else if (n.nodeType === 8) if (n.data === je) d.push({ type: 2, index: i });
      else {
        let h = -1;
        for (; (h = n.data.indexOf($, h + 1)) !== -1; ) d.push({ type: 7, index: i }), h += $.length - 1;
      }
      i++;
    }
  }
  static createElement(e, t) {
    const s = x.createElement("template");
    return s.innerHTML = e, s;
  }
}
function P(r, e, t = r, s) {
  if (e === g) return e;
  let n = s !== void 0 ? t._$Co?.[s] : t._$Cl;
  const i = R(e) ? void 0 : e._$litDirective$;
  return n?.constructor !== i && (n?._$AO?.(!1), i === void 0 ? n = void 0 : (n = new i(r), n._$AT(r, t, s)), s !== void 0 ? (t._$Co ??= [])[s] = n : t._$Cl = n), n !== void 0 && (e = P(r, n._$AS(r, e.values), n, s)), e;
}
class dt {
  constructor(e, t) {
    this._$AV = [], this._$AN = void 0, this._$AD = e, this._$AM = t;
  }
  get parentNode() {
    return this._$AM.parentNode;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  u(e) {
    const { el: { content: t }, parts: s } = this._$AD, n = (e?.creationScope ?? x).importNode(t, !0);
    b.currentNode = n;
    let i = b.nextNode(), o = 0, a = 0, d = s[0];
    for (; d !== void 0; ) {
      if (o === d.index) {
        let u;
        d.type === 2 ? u = new L(i, i.nextSibling, this, e) : d.type === 1 ? u = new d.ctor(i, d.name, d.strings, this, e) : d.type === 6 && (u = new ut(i, this, e)), this._$AV.push(u), d = s[++a];
      }
      o !== d?.index && (i = b.nextNode(), o++);
    }
    return b.currentNode = x, n;
  }
  p(e) {
    let t = 0;
    for (const s of this._$AV) s !== void 0 && (s.strings !== void 0 ? (s._$AI(e, s, t), t += s.strings.length - 2) : s._$AI(e[t])), t++;
  }
}
class L {
  get _$AU() {
    return this._$AM?._$AU ?? this._$Cv;
  }
  constructor(e, t, s, n) {
    this.type = 2, this._$AH = l, this._$AN = void 0, this._$AA = e, this._$AB = t, this._$AM = s, this.options = n, this._$Cv = n?.isConnected ?? !0;
  }
  get parentNode() {
    let e = this._$AA.parentNode;
    const t = this._$AM;
    return t !== void 0 && e?.nodeType === 11 && (e = t.parentNode), e;
  }
  get startNode() {
    return this._$AA;
  }
  get endNode() {
    return this._$AB;
  }
  _$AI(e, t = this) {
    e = P(this, e, t), R(e) ? e === l || e == null || e === "" ? (this._$AH !== l && this._$AR(), this._$AH = l) : e !== this._$AH && e !== g && this._(e) : e._$litType$ !== void 0 ? this.$(e) : e.nodeType !== void 0 ? this.T(e) : it(e) ? this.k(e) : this._(e);
  }
  O(e) {
    return this._$AA.parentNode.insertBefore(e, this._$AB);
  }
  T(e) {
    this._$AH !== e && (this._$AR(), this._$AH = this.O(e));
  }
  _(e) {
    this._$AH !== l && R(this._$AH) ? this._$AA.nextSibling.data = e : this.T(x.createTextNode(e)), this._$AH = e;
  }
  $(e) {
    const { values: t, _$litType$: s } = e, n = typeof s == "number" ? this._$AC(e) : (s.el === void 0 && (s.el = j.createElement(He(s.h, s.h[0]), this.options)), s);
    if (this._$AH?._$AD === n) this._$AH.p(t);
    else {
      const i = new dt(n, this), o = i.u(this.options);
      i.p(t), this.T(o), this._$AH = i;
    }
  }
  _$AC(e) {
    let t = De.get(e.strings);
    return t === void 0 && De.set(e.strings, t = new j(e)), t;
  }
  k(e) {
    he(this._$AH) || (this._$AH = [], this._$AR());
    const t = this._$AH;
    let s, n = 0;
    for (const i of e) n === t.length ? t.push(s = new L(this.O(M()), this.O(M()), this, this.options)) : s = t[n], s._$AI(i), n++;
    n < t.length && (this._$AR(s && s._$AB.nextSibling, n), t.length = n);
  }
  _$AR(e = this._$AA.nextSibling, t) {
    for (this._$AP?.(!1, !0, t); e !== this._$AB; ) {
      const s = Ee(e).nextSibling;
      Ee(e).remove(), e = s;
    }
  }
  setConnected(e) {
    this._$AM === void 0 && (this._$Cv = e, this._$AP?.(e));
  }
}
class Q {
  get tagName() {
    return this.element.tagName;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  constructor(e, t, s, n, i) {
    this.type = 1, this._$AH = l, this._$AN = void 0, this.element = e, this.name = t, this._$AM = n, this.options = i, s.length > 2 || s[0] !== "" || s[1] !== "" ? (this._$AH = Array(s.length - 1).fill(new String()), this.strings = s) : this._$AH = l;
  }
  _$AI(e, t = this, s, n) {
    const i = this.strings;
    let o = !1;
    if (i === void 0) e = P(this, e, t, 0), o = !R(e) || e !== this._$AH && e !== g, o && (this._$AH = e);
    else {
      const a = e;
      let d, u;
      for (e = i[0], d = 0; d < i.length - 1; d++) u = P(this, a[s + d], t, d), u === g && (u = this._$AH[d]), o ||= !R(u) || u !== this._$AH[d], u === l ? e = l : e !== l && (e += (u ?? "") + i[d + 1]), this._$AH[d] = u;
    }
    o && !n && this.j(e);
  }
  j(e) {
    e === l ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, e ?? "");
  }
}
class ct extends Q {
  constructor() {
    super(...arguments), this.type = 3;
  }
  j(e) {
    this.element[this.name] = e === l ? void 0 : e;
  }
}
class lt extends Q {
  constructor() {
    super(...arguments), this.type = 4;
  }
  j(e) {
    this.element.toggleAttribute(this.name, !!e && e !== l);
  }
}
class ht extends Q {
  constructor(e, t, s, n, i) {
    super(e, t, s, n, i), this.type = 5;
  }
  _$AI(e, t = this) {
    if ((e = P(this, e, t, 0) ?? l) === g) return;
    const s = this._$AH, n = e === l && s !== l || e.capture !== s.capture || e.once !== s.once || e.passive !== s.passive, i = e !== l && (s === l || n);
    n && this.element.removeEventListener(this.name, this, s), i && this.element.addEventListener(this.name, this, e), this._$AH = e;
  }
  handleEvent(e) {
    typeof this._$AH == "function" ? this._$AH.call(this.options?.host ?? this.element, e) : this._$AH.handleEvent(e);
  }
}
class ut {
  constructor(e, t, s) {
    this.element = e, this.type = 6, this._$AN = void 0, this._$AM = t, this.options = s;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AI(e) {
    P(this, e);
  }
}
const pt = le.litHtmlPolyfillSupport;
pt?.(j, L), (le.litHtmlVersions ??= []).push("3.3.3");
const gt = (r, e, t) => {
  const s = t?.renderBefore ?? e;
  let n = s._$litPart$;
  if (n === void 0) {
    const i = t?.renderBefore ?? null;
    s._$litPart$ = n = new L(e.insertBefore(M(), i), i, void 0, t ?? {});
  }
  return n._$AI(r), n;
};
const ue = globalThis;
let w = class extends C {
  constructor() {
    super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
  }
  createRenderRoot() {
    const e = super.createRenderRoot();
    return this.renderOptions.renderBefore ??= e.firstChild, e;
  }
  update(e) {
    const t = this.render();
    this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(e), this._$Do = gt(t, this.renderRoot, this.renderOptions);
  }
  connectedCallback() {
    super.connectedCallback(), this._$Do?.setConnected(!0);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), this._$Do?.setConnected(!1);
  }
  render() {
    return g;
  }
};
w._$litElement$ = !0, w.finalized = !0, ue.litElementHydrateSupport?.({ LitElement: w });
const mt = ue.litElementPolyfillSupport;
mt?.({ LitElement: w });
(ue.litElementVersions ??= []).push("4.2.2");
const ft = { attribute: !0, type: String, converter: V, reflect: !1, hasChanged: ce }, vt = (r = ft, e, t) => {
  const { kind: s, metadata: n } = t;
  let i = globalThis.litPropertyMetadata.get(n);
  if (i === void 0 && globalThis.litPropertyMetadata.set(n, i = /* @__PURE__ */ new Map()), s === "setter" && ((r = Object.create(r)).wrapped = !0), i.set(t.name, r), s === "accessor") {
    const { name: o } = t;
    return { set(a) {
      const d = e.get.call(this);
      e.set.call(this, a), this.requestUpdate(o, d, r, !0, a);
    }, init(a) {
      return a !== void 0 && this.C(o, void 0, r, a), a;
    } };
  }
  if (s === "setter") {
    const { name: o } = t;
    return function(a) {
      const d = this[o];
      e.call(this, a), this.requestUpdate(o, d, r, !0, a);
    };
  }
  throw Error("Unsupported decorator location: " + s);
};
function k(r) {
  return (e, t) => typeof t == "object" ? vt(r, e, t) : ((s, n, i) => {
    const o = n.hasOwnProperty(i);
    return n.constructor.createProperty(i, s), o ? Object.getOwnPropertyDescriptor(n, i) : void 0;
  })(r, e, t);
}
function S(r) {
  return k({ ...r, state: !0, attribute: !1 });
}
const $t = {
  "card.no_student": "Vælg en elev i kortets indstillinger.",
  "card.missing": "Denne elev har ingen {what} i Schoolbag.",
  "card.error": "Kunne ikke læses: {error}",
  "day.name": "Schoolbag: dagen",
  "day.description": "Dagens lektioner, eller næste skoledags efter den sidste lektion.",
  "day.what": "skema",
  "day.today": "I dag",
  "day.tomorrow": "I morgen",
  "day.none": "Ingen lektioner de næste dage.",
  "status.changed": "Ændret",
  "status.cancelled": "Aflyst",
  "status.exam": "Eksamen",
  "status.exempted": "Fritaget",
  "homework.name": "Schoolbag: lektier",
  "homework.description": "Lektier med snarlig frist, dag for dag, kan krydses af her.",
  "homework.title": "Lektier",
  "homework.what": "lektieliste",
  "homework.none": "Intet at aflevere de næste dage.",
  "homework.sending": "Sender…",
  "homework.refused": "Ikke gemt: {error}",
  "grades.name": "Schoolbag: karakterer",
  "grades.description": "Den seneste karakter og gennemsnittene.",
  "grades.title": "Karakterer",
  "grades.what": "karakterer",
  "grades.latest": "Seneste karakter",
  "grades.class_average": "klassen {value}",
  "grades.coefficient": "vægt {value}",
  "grades.overall": "Samlet gennemsnit",
  "grades.period_average": "Gennemsnit {period}",
  "grades.ue_average": "Gennemsnit {unit}",
  "grades.none": "Ingen karakterer endnu.",
  "mark.absent": "Fraværende",
  "mark.exempt": "Fritaget",
  "mark.not_graded": "Ikke bedømt",
  "mark.pending": "Ikke bedømt endnu",
  "mark.other": "Andet",
  "editor.student": "Elev",
  "editor.no_students": "Ingen Schoolbag-elev endnu: tilføj integrationen først.",
  "editor.days": "Dage frem",
  "panel.students": "Elever",
  "panel.nothing": "Schoolbag har endnu intet at vise for {name}."
}, K = {
  "card.no_student": "Choose a student in the card's settings.",
  "card.missing": "This student has no {what} in Schoolbag.",
  "card.error": "Could not read it: {error}",
  "day.name": "Schoolbag: the day",
  "day.description": "Today's lessons, or the next school day's after the last one.",
  "day.what": "timetable",
  "day.today": "Today",
  "day.tomorrow": "Tomorrow",
  "day.none": "No lessons in the coming days.",
  "status.changed": "Changed",
  "status.cancelled": "Cancelled",
  "status.exam": "Exam",
  "status.exempted": "Exempted",
  "homework.name": "Schoolbag: homework",
  "homework.description": "Homework due soon, by day, ticked off in place.",
  "homework.title": "Homework",
  "homework.what": "homework list",
  "homework.none": "Nothing due in the coming days.",
  "homework.sending": "Sending…",
  "homework.refused": "Not saved: {error}",
  "grades.name": "Schoolbag: grades",
  "grades.description": "The latest grade and the averages.",
  "grades.title": "Grades",
  "grades.what": "grades",
  "grades.latest": "Latest grade",
  "grades.class_average": "class {value}",
  "grades.coefficient": "coef. {value}",
  "grades.overall": "Overall average",
  "grades.period_average": "Average {period}",
  "grades.ue_average": "{unit} average",
  "grades.none": "No grade yet.",
  "mark.absent": "Absent",
  "mark.exempt": "Exempt",
  "mark.not_graded": "Not graded",
  "mark.pending": "Not graded yet",
  "mark.other": "Other",
  "editor.student": "Student",
  "editor.no_students": "No Schoolbag student yet: add the integration first.",
  "editor.days": "Days ahead",
  "panel.students": "Students",
  "panel.nothing": "Schoolbag has nothing to show for {name} yet."
}, yt = {
  "card.no_student": "Choisissez un élève dans les paramètres de la carte.",
  "card.missing": "Cet élève n'a pas de {what} dans Schoolbag.",
  "card.error": "Lecture impossible : {error}",
  "day.name": "Schoolbag : la journée",
  "day.description": "Les cours du jour, ou ceux du prochain jour de classe après le dernier cours.",
  "day.what": "emploi du temps",
  "day.today": "Aujourd'hui",
  "day.tomorrow": "Demain",
  "day.none": "Aucun cours dans les prochains jours.",
  "status.changed": "Modifié",
  "status.cancelled": "Annulé",
  "status.exam": "Examen",
  "status.exempted": "Dispensé",
  "homework.name": "Schoolbag : devoirs",
  "homework.description": "Les devoirs à faire bientôt, par jour, à cocher sur place.",
  "homework.title": "Devoirs",
  "homework.what": "liste de devoirs",
  "homework.none": "Rien à rendre dans les prochains jours.",
  "homework.sending": "Envoi…",
  "homework.refused": "Non enregistré : {error}",
  "grades.name": "Schoolbag : notes",
  "grades.description": "La dernière note et les moyennes.",
  "grades.title": "Notes",
  "grades.what": "notes",
  "grades.latest": "Dernière note",
  "grades.class_average": "classe {value}",
  "grades.coefficient": "coef. {value}",
  "grades.overall": "Moyenne générale",
  "grades.period_average": "Moyenne {period}",
  "grades.ue_average": "Moyenne {unit}",
  "grades.none": "Pas encore de note.",
  "mark.absent": "Absent",
  "mark.exempt": "Dispensé",
  "mark.not_graded": "Non noté",
  "mark.pending": "Pas encore noté",
  "mark.other": "Autre",
  "editor.student": "Élève",
  "editor.no_students": "Aucun élève Schoolbag : ajoutez d'abord l'intégration.",
  "editor.days": "Jours à venir",
  "panel.students": "Élèves",
  "panel.nothing": "Schoolbag n'a encore rien à montrer pour {name}."
}, bt = { en: K, fr: yt, da: $t };
function B(r) {
  return r.locale?.language || r.language || "en";
}
function f(r, e, t = {}) {
  return (bt[B(r).slice(0, 2).toLowerCase()] ?? K)[e].replace(/\{(\w+)\}/g, (n, i) => t[i] ?? "");
}
const Le = "schoolbag";
function pe(r, e) {
  const t = r.devices[e];
  return t?.name_by_user || t?.name || e;
}
function ge(r) {
  const e = /* @__PURE__ */ new Set();
  for (const t of Object.values(r.entities))
    t.platform === Le && t.device_id && r.devices[t.device_id] && e.add(t.device_id);
  return [...e].map((t) => ({ deviceId: t, name: pe(r, t) })).sort((t, s) => t.name.localeCompare(s.name));
}
function me(r, e, t, s) {
  return Object.values(r.entities).filter(
    (n) => n.platform === Le && n.device_id === e && n.translation_key === s && n.entity_id.startsWith(`${t}.`)
  ).map((n) => n.entity_id).sort();
}
function X(r, e, t, s) {
  return me(r, e, t, s)[0];
}
function _t(r, e, t) {
  const s = String(r.states[e]?.attributes.friendly_name ?? e), n = `${pe(r, t)} `;
  return s.startsWith(n) ? s.slice(n.length) : s;
}
var wt = Object.defineProperty, Be = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && wt(e, t, n), n;
};
class F extends w {
  static getConfigElement() {
    return document.createElement("schoolbag-card-editor");
  }
  /** A new card shows the first student. */
  static getStubConfig(e) {
    const t = ge(e)[0];
    return t ? { device_id: t.deviceId } : {};
  }
  setConfig(e) {
    if (!e || typeof e != "object")
      throw new Error("Invalid configuration");
    this.config = e;
  }
  getCardSize() {
    return 4;
  }
  getGridOptions() {
    return { columns: 12, min_columns: 6, min_rows: 2 };
  }
  get deviceId() {
    return this.config?.device_id;
  }
  t(e, t) {
    return this.hass ? f(this.hass, e, t) : e;
  }
  header(e) {
    const t = this.deviceId;
    return c`<div class="header">
      <span class="title">${e}</span>
      <span class="student">${this.hass && t ? pe(this.hass, t) : ""}</span>
    </div>`;
  }
  render() {
    const e = this.hass, t = this.deviceId, s = e && t ? this.content(e, t) : this.message(this.t("card.no_student"));
    return c`<ha-card>${s}</ha-card>`;
  }
  message(e, t = !1) {
    return c`<div class="message ${t ? "error" : ""}">${e}</div>`;
  }
}
Be([
  k({ attribute: !1 })
], F.prototype, "hass");
Be([
  k({ attribute: !1 })
], F.prototype, "config");
function G(r) {
  return r.locale?.time_zone === "local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : r.config.time_zone;
}
function J(r, e) {
  const t = new Intl.DateTimeFormat("en-CA", {
    timeZone: e,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).formatToParts(r), s = (n) => t.find((i) => i.type === n)?.value ?? "";
  return `${s("year")}-${s("month")}-${s("day")}`;
}
function ee(r, e) {
  const [t, s, n] = r.split("-").map(Number);
  return new Date(Date.UTC(t, s - 1, n + e)).toISOString().slice(0, 10);
}
function Fe(r, e) {
  return r.length === 10 ? r : J(new Date(r), e);
}
function xt(r) {
  const e = r.locale?.time_format;
  if (e === "12" || e === "24")
    return e === "12";
  const t = e === "system" ? void 0 : B(r);
  return (/* @__PURE__ */ new Date("January 1, 2023 22:00:00")).toLocaleString(t).includes("10");
}
function Ne(r, e) {
  return new Intl.DateTimeFormat(B(r), {
    timeZone: G(r),
    hour: "numeric",
    minute: "2-digit",
    hourCycle: xt(r) ? "h12" : "h23"
  }).format(new Date(e));
}
function ie(r, e) {
  const [t, s, n] = e.split("-").map(Number);
  return new Intl.DateTimeFormat(B(r), {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long"
  }).format(new Date(Date.UTC(t, s - 1, n)));
}
function N(r, e) {
  return new Intl.NumberFormat(B(r), { maximumFractionDigits: 2 }).format(e);
}
const fe = U`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    padding: 12px 16px 16px;
    color: var(--primary-text-color, #212121);
    overflow-wrap: anywhere;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    margin-bottom: 8px;
  }
  .title {
    font-size: var(--ha-font-size-xl, 20px);
    font-weight: var(--ha-font-weight-normal, 400);
  }
  .student,
  .secondary {
    color: var(--secondary-text-color, #727272);
    font-size: var(--ha-font-size-s, 12px);
  }
  .message {
    color: var(--secondary-text-color, #727272);
    padding: 8px 0;
  }
  .error {
    color: var(--error-color, #db4437);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    min-width: 0;
  }
  .badge {
    display: inline-block;
    border-radius: 10px;
    padding: 0 8px;
    font-size: var(--ha-font-size-xs, 11px);
    line-height: 18px;
    white-space: nowrap;
    color: var(--text-primary-color, #fff);
    background: var(--badge-color, var(--primary-color, #03a9f4));
  }
  .changed {
    --badge-color: var(--warning-color, #ffa600);
  }
  .cancelled {
    --badge-color: var(--error-color, #db4437);
  }
  .exam {
    --badge-color: var(--info-color, #039be5);
  }
  .exempted {
    --badge-color: var(--disabled-color, #bdbdbd);
  }
`, At = ["changed", "cancelled", "exam", "exempted"], kt = {
  cancelled: ["cancelled", "annulé", "aflyst"],
  changed: ["changed", "modifié", "ændret"],
  exam: ["exam", "examen", "eksamen"],
  exempted: ["exempted", "dispensé", "fritaget"]
};
function St(r, e) {
  if (e === "normal")
    return r;
  for (const t of kt[e]) {
    const s = ` (${t})`;
    if (r.endsWith(s) && r.length > s.length)
      return r.slice(0, -s.length);
  }
  return r;
}
function Et(r) {
  const e = /* @__PURE__ */ new Map(), t = r?.lesson_status;
  if (t && typeof t == "object")
    for (const [s, n] of Object.entries(t))
      At.includes(n) && e.set(s, n);
  return e;
}
function Ct(r, e, t) {
  return r.map((s, n) => {
    const i = s.start.dateTime === void 0, o = s.start.dateTime ?? s.start.date ?? "", a = s.uid ?? `event-${n}`, d = e.get(a) ?? "normal";
    return {
      uid: a,
      // The card shows the status as its own badge, in the user's language.
      summary: St(s.summary, d),
      start: o,
      end: s.end.dateTime ?? s.end.date ?? o,
      allDay: i,
      day: Fe(o, t),
      location: s.location ?? "",
      details: (s.description ?? "").split(`
`).filter((u) => u.trim()),
      status: d
    };
  }).sort((s, n) => Number(n.allDay) - Number(s.allDay) || Date.parse(s.start) - Date.parse(n.start));
}
function Tt(r, e, t) {
  const s = (a) => r.filter((d) => d.day === a);
  if (s(t).filter(
    (a) => !a.allDay && a.status !== "cancelled"
  ).some((a) => Date.parse(a.end) > e.getTime()))
    return { day: t, lessons: s(t) };
  const o = r.map((a) => a.day).filter((a) => a > t).sort()[0] ?? ee(t, 1);
  return { day: o, lessons: s(o) };
}
var Pt = Object.defineProperty, We = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && Pt(e, t, n), n;
};
const Ot = 8, ne = 6e4, $e = class $e extends F {
  connectedCallback() {
    super.connectedCallback(), this.timer = setInterval(() => this.requestUpdate(), ne);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), clearInterval(this.timer);
  }
  get calendarId() {
    return this.hass && this.deviceId ? X(this.hass, this.deviceId, "calendar", "timetable") : void 0;
  }
  updated(e) {
    super.updated(e);
    const t = this.hass, s = this.calendarId;
    if (!t || !s)
      return;
    const n = t.states[s], i = J(/* @__PURE__ */ new Date(), G(t)), o = this.fetchedFor;
    o?.entityId === s && o.stateObj === n && o.today === i || (this.fetchedFor = { entityId: s, stateObj: n, today: i }, this.fetchEvents(s));
  }
  async fetchEvents(e) {
    const t = Date.now(), s = new Date(t - 1440 * ne).toISOString(), n = new Date(t + Ot * 24 * 60 * ne).toISOString(), i = `calendars/${e}?start=${encodeURIComponent(s)}&end=${encodeURIComponent(n)}`;
    try {
      this.events = await this.hass.callApi("GET", i), this.error = void 0;
    } catch (o) {
      this.error = o instanceof Error ? o.message : String(o?.body ?? o);
    }
  }
  content(e) {
    const t = this.calendarId;
    if (!t)
      return this.message(this.t("card.missing", { what: this.t("day.what") }));
    if (this.error)
      return c`${this.header(this.t("day.today"))}${this.message(
        this.t("card.error", { error: this.error }),
        !0
      )}`;
    const s = G(e), n = /* @__PURE__ */ new Date(), i = J(n, s), o = Ct(this.events ?? [], Et(e.states[t]?.attributes), s), a = Tt(o, n, i), d = a.day === i ? this.t("day.today") : a.day === ee(i, 1) ? this.t("day.tomorrow") : ie(e, a.day);
    return c`${this.header(d)}
      <div class="secondary">${ie(e, a.day)}</div>
      ${this.events === void 0 ? l : a.lessons.length === 0 ? this.message(this.t("day.none")) : c`<ul>
              ${a.lessons.map((u) => this.lesson(u))}
            </ul>`}`;
  }
  lesson(e) {
    const t = this.hass, s = [e.location, ...e.details].filter(Boolean).join(" · ");
    return c`<li class="lesson ${e.status}" data-uid=${e.uid}>
      <div class="time">
        ${e.allDay ? l : c`${Ne(t, e.start)}<br />${Ne(t, e.end)}`}
      </div>
      <div class="main">
        <div class="subject">${e.summary}</div>
        ${s ? c`<div class="secondary">${s}</div>` : l}
      </div>
      ${e.status === "normal" ? l : c`<span class="badge ${e.status}">${this.t(`status.${e.status}`)}</span>`}
    </li>`;
  }
};
$e.styles = [
  fe,
  U`
      .lesson {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 6px 0 6px 8px;
        border-left: 3px solid var(--divider-color, rgba(0, 0, 0, 0.12));
        margin-bottom: 4px;
      }
      .lesson.changed {
        border-left-color: var(--warning-color, #ffa600);
      }
      .lesson.exam {
        border-left-color: var(--info-color, #039be5);
      }
      .lesson.cancelled {
        border-left-color: var(--error-color, #db4437);
      }
      .lesson.cancelled .subject {
        text-decoration: line-through;
        color: var(--secondary-text-color, #727272);
      }
      .time {
        flex: none;
        min-width: 5ch;
        font-variant-numeric: tabular-nums;
        font-size: var(--ha-font-size-s, 12px);
        color: var(--secondary-text-color, #727272);
        text-align: right;
      }
      .main {
        flex: 1;
        min-width: 0;
      }
    `
];
let z = $e;
We([
  S()
], z.prototype, "events");
We([
  S()
], z.prototype, "error");
const E = { ATTRIBUTE: 1, PROPERTY: 3, BOOLEAN_ATTRIBUTE: 4 }, Ut = (r) => (...e) => ({ _$litDirective$: r, values: e });
class Dt {
  constructor(e) {
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AT(e, t, s) {
    this._$Ct = e, this._$AM = t, this._$Ci = s;
  }
  _$AS(e, t) {
    return this.update(e, t);
  }
  update(e, t) {
    return this.render(...t);
  }
}
const Nt = (r) => r.strings === void 0, It = {}, Mt = (r, e = It) => r._$AH = e;
const Rt = Ut(class extends Dt {
  constructor(r) {
    if (super(r), r.type !== E.PROPERTY && r.type !== E.ATTRIBUTE && r.type !== E.BOOLEAN_ATTRIBUTE) throw Error("The `live` directive is not allowed on child or event bindings");
    if (!Nt(r)) throw Error("`live` bindings can only contain a single expression");
  }
  render(r) {
    return r;
  }
  update(r, [e]) {
    if (e === g || e === l) return e;
    const t = r.element, s = r.name;
    if (r.type === E.PROPERTY) {
      if (e === t[s]) return g;
    } else if (r.type === E.BOOLEAN_ATTRIBUTE) {
      if (!!e === t.hasAttribute(s)) return g;
    } else if (r.type === E.ATTRIBUTE && t.getAttribute(s) === e + "") return g;
    return Mt(r), e;
  }
});
function jt(r, e, t, s) {
  const n = ee(e, t - 1), i = /* @__PURE__ */ new Map();
  for (const o of r) {
    if (!o.due)
      continue;
    const a = Fe(o.due, s);
    a >= e && a <= n && i.set(a, [...i.get(a) ?? [], o]);
  }
  return [...i.keys()].sort().map((o) => ({ day: o, items: i.get(o) }));
}
var zt = Object.defineProperty, ve = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && zt(e, t, n), n;
};
const qe = 7, ye = class ye extends F {
  constructor() {
    super(...arguments), this.sending = /* @__PURE__ */ new Map(), this.refused = /* @__PURE__ */ new Map();
  }
  get todoId() {
    return this.hass && this.deviceId ? X(this.hass, this.deviceId, "todo", "homework") : void 0;
  }
  connectedCallback() {
    super.connectedCallback(), this.requestUpdate();
  }
  disconnectedCallback() {
    super.disconnectedCallback(), this.stopSubscription();
  }
  updated(e) {
    super.updated(e);
    const t = this.isConnected ? this.todoId : void 0;
    t !== this.subscribedTo && (this.stopSubscription(), this.subscribedTo = t, t && this.hass && (this.unsubscribe = this.hass.connection.subscribeMessage(
      (s) => {
        this.items = s.items;
      },
      { type: "todo/item/subscribe", entity_id: t }
    ).catch(() => {
    })));
  }
  stopSubscription() {
    this.unsubscribe?.then((e) => e?.()), this.unsubscribe = void 0, this.subscribedTo = void 0, this.items = void 0;
  }
  async tick(e, t) {
    const s = this.todoId;
    if (!this.hass || !s)
      return;
    this.sending = new Map([...this.sending, [e.uid, t]]);
    const n = new Map(this.refused);
    n.delete(e.uid), this.refused = n;
    try {
      await this.hass.callService(
        "todo",
        "update_item",
        { item: e.uid, rename: e.summary, status: t ? "completed" : "needs_action" },
        { entity_id: s }
      );
    } catch (i) {
      const o = i instanceof Error ? i.message : String(i?.message ?? i);
      this.refused = new Map([...this.refused, [e.uid, o]]);
    } finally {
      const i = new Map(this.sending);
      i.delete(e.uid), this.sending = i;
    }
  }
  content(e) {
    if (!this.todoId)
      return this.message(this.t("card.missing", { what: this.t("homework.what") }));
    if (this.items === void 0)
      return this.header(this.t("homework.title"));
    const t = G(e), s = J(/* @__PURE__ */ new Date(), t), n = jt(this.items, s, this.config?.days ?? qe, t);
    return c`${this.header(this.t("homework.title"))}
      ${n.length === 0 ? this.message(this.t("homework.none")) : n.map(
      ({ day: i, items: o }) => c`<h3>${this.dayTitle(i, s)}</h3>
              <ul>
                ${o.map((a) => this.item(a))}
              </ul>`
    )}`;
  }
  dayTitle(e, t) {
    return e === t ? this.t("day.today") : e === ee(t, 1) ? this.t("day.tomorrow") : ie(this.hass, e);
  }
  item(e) {
    const t = e.status === "completed", s = this.sending.get(e.uid), n = s !== void 0, i = this.refused.get(e.uid);
    return c`<li class="item ${e.status}" data-uid=${e.uid}>
      <input
        type="checkbox"
        .checked=${Rt(s ?? t)}
        ?disabled=${n}
        aria-label=${e.summary}
        @change=${(o) => {
      this.tick(e, o.target.checked);
    }}
      />
      <div class="main">
        <div class="summary">${e.summary}</div>
        ${e.description ? c`<div class="secondary description">${e.description}</div>` : l}
        ${n ? c`<div class="secondary">${this.t("homework.sending")}</div>` : l}
        ${i ? c`<div class="secondary error">${this.t("homework.refused", { error: i })}</div>` : l}
      </div>
    </li>`;
  }
};
ye.styles = [
  fe,
  U`
      h3 {
        margin: 12px 0 4px;
        font-size: var(--ha-font-size-m, 14px);
        font-weight: var(--ha-font-weight-medium, 500);
        color: var(--secondary-text-color, #727272);
      }
      .item {
        display: flex;
        align-items: flex-start;
        gap: 8px;
        padding: 4px 0;
      }
      input[type="checkbox"] {
        flex: none;
        width: 20px;
        height: 20px;
        margin: 2px 0 0;
        accent-color: var(--primary-color, #03a9f4);
      }
      .main {
        flex: 1;
        min-width: 0;
      }
      .completed .summary {
        text-decoration: line-through;
        color: var(--secondary-text-color, #727272);
      }
      .description {
        white-space: pre-line;
      }
    `
];
let O = ye;
ve([
  S()
], O.prototype, "items");
ve([
  S()
], O.prototype, "sending");
ve([
  S()
], O.prototype, "refused");
var Ht = Object.defineProperty, Ve = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && Ht(e, t, n), n;
};
const be = class be extends w {
  setConfig(e) {
    this.config = e;
  }
  t(e) {
    return this.hass ? f(this.hass, e) : e;
  }
  change(e) {
    this.config && (this.config = { ...this.config, ...e }, this.dispatchEvent(
      new CustomEvent("config-changed", {
        detail: { config: this.config },
        bubbles: !0,
        composed: !0
      })
    ));
  }
  render() {
    if (!this.hass || !this.config)
      return c``;
    const e = ge(this.hass);
    if (e.length === 0)
      return c`<p class="hint">${this.t("editor.no_students")}</p>`;
    const t = this.config.device_id;
    return c`<label>
        ${this.t("editor.student")}
        <select
          name="device_id"
          @change=${(s) => this.change({ device_id: s.target.value })}
        >
          ${t && !e.some((s) => s.deviceId === t) ? c`<option value=${t} selected>${t}</option>` : l}
          ${t ? l : c`<option value="" selected></option>`}
          ${e.map(
      (s) => c`<option value=${s.deviceId} ?selected=${s.deviceId === t}>
                ${s.name}
              </option>`
    )}
        </select>
      </label>
      ${this.config.type.endsWith("schoolbag-homework-card") ? c`<label>
            ${this.t("editor.days")}
            <input
              name="days"
              type="number"
              min="1"
              max="31"
              .value=${String(this.config.days ?? qe)}
              @change=${(s) => {
      const n = Number(s.target.value);
      Number.isInteger(n) && n >= 1 && this.change({ days: n });
    }}
            />
          </label>` : l}`;
  }
};
be.styles = U`
    label {
      display: block;
      margin-bottom: 12px;
      color: var(--primary-text-color, #212121);
    }
    select,
    input {
      display: block;
      box-sizing: border-box;
      width: 100%;
      margin-top: 4px;
      padding: 8px;
      font: inherit;
      color: var(--primary-text-color, #212121);
      background: var(--card-background-color, var(--ha-card-background, #fff));
      border: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      border-radius: var(--ha-border-radius-sm, 4px);
    }
    .hint {
      color: var(--secondary-text-color, #727272);
    }
  `;
let H = be;
Ve([
  k({ attribute: !1 })
], H.prototype, "hass");
Ve([
  S()
], H.prototype, "config");
function _(r) {
  const e = typeof r == "number" ? r : Number.parseFloat(String(r));
  return Number.isFinite(e) ? e : null;
}
function T(r) {
  return r == null ? "" : String(r);
}
function Lt(r) {
  const e = r?.attributes;
  return !r || !e || e.subject === void 0 ? null : {
    subject: T(e.subject),
    title: T(e.title),
    date: T(e.date),
    value: _(e.value ?? r.state),
    outOf: _(e.out_of),
    mark: e.mark ? T(e.mark) : null,
    raw: T(e.raw),
    coefficient: _(e.coefficient),
    classAverage: _(e.class_average)
  };
}
function Bt(r, e, t, s) {
  if (s === "overall_average")
    return f(r, "grades.overall");
  const n = _t(r, e, t), i = s === "period_average" ? "period" : "unit", o = T(r.states[e]?.attributes[i]).trim();
  return o ? s === "period_average" ? f(r, "grades.period_average", { period: o }) : f(r, "grades.ue_average", { unit: o }) : n;
}
function Ft(r, e, t, s) {
  const n = r.states[e];
  return {
    entityId: e,
    name: Bt(r, e, t, s),
    value: _(n?.state),
    outOf: _(n?.attributes.out_of),
    classAverage: _(n?.attributes.class_average)
  };
}
function Wt(r, e) {
  return ["overall_average", "period_average", "ue_average"].flatMap(
    (s) => me(r, e, "sensor", s).filter((n) => r.states[n]).map((n) => Ft(r, n, e, s))
  );
}
function qt(r, e) {
  return X(r, e, "sensor", "latest_grade");
}
const Vt = ["absent", "exempt", "not_graded", "pending", "other"], _e = class _e extends F {
  content(e, t) {
    const s = qt(e, t), n = Wt(e, t);
    if (!s && n.length === 0)
      return this.message(this.t("card.missing", { what: this.t("grades.what") }));
    const i = s ? Lt(e.states[s]) : null;
    return c`${this.header(this.t("grades.title"))}
      ${i ? this.latest(i) : this.message(this.t("grades.none"))}
      ${n.length ? c`<ul>${n.map((o) => this.average(o))}</ul>` : l}`;
  }
  score(e, t, s = "–") {
    if (e === null)
      return c`${s}`;
    const n = N(this.hass, e);
    return t === null ? c`${n}` : c`${n}<span class="scale">/${N(this.hass, t)}</span>`;
  }
  latest(e) {
    const t = e.mark && Vt.includes(e.mark) ? this.t(`mark.${e.mark}`) : e.raw || "–", s = [
      e.title,
      e.classAverage === null ? "" : this.t("grades.class_average", { value: N(this.hass, e.classAverage) }),
      e.coefficient === null || e.coefficient === 1 ? "" : this.t("grades.coefficient", { value: N(this.hass, e.coefficient) })
    ].filter(Boolean);
    return c`<div class="latest">
      <span class="value">${this.score(e.value, e.outOf, t)}</span>
      <div class="main">
        <div class="secondary">${this.t("grades.latest")}</div>
        <div class="subject">${e.subject}</div>
        ${s.length ? c`<div class="secondary">${s.join(" · ")}</div>` : l}
      </div>
    </div>`;
  }
  average(e) {
    return c`<li class="row" data-entity=${e.entityId}>
      <span>${e.name}</span>
      <span class="figure">
        ${this.score(e.value, e.outOf)}
        ${e.classAverage === null ? l : c`<div class="secondary">
              ${this.t("grades.class_average", { value: N(this.hass, e.classAverage) })}
            </div>`}
      </span>
    </li>`;
  }
};
_e.styles = [
  fe,
  U`
      .latest {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 4px 0 12px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .value {
        flex: none;
        font-size: var(--ha-font-size-2xl, 24px);
        color: var(--primary-color, #03a9f4);
        font-variant-numeric: tabular-nums;
      }
      .scale {
        font-size: var(--ha-font-size-m, 14px);
        color: var(--secondary-text-color, #727272);
      }
      .main {
        flex: 1;
        min-width: 0;
      }
      .row {
        display: flex;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 0;
      }
      .row .figure {
        flex: none;
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `
];
let oe = _e;
const Zt = U`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--primary-background-color, #fafafa);
    color: var(--primary-text-color, #212121);
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 4;
    padding-top: env(safe-area-inset-top);
    background: var(--app-header-background-color, var(--primary-color, #03a9f4));
    color: var(--app-header-text-color, var(--text-primary-color, #fff));
    border-bottom: var(--app-header-border-bottom, none);
  }
  .toolbar {
    display: flex;
    align-items: center;
    box-sizing: border-box;
    height: var(--header-height, 56px);
    padding: 0 12px;
  }
  .title {
    flex: 1;
    margin-inline-start: 12px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: var(--ha-font-size-xl, 20px);
    font-weight: var(--ha-font-weight-normal, 400);
  }
  .tabs {
    display: flex;
    overflow-x: auto;
    scrollbar-width: none;
    padding: 0 12px;
  }
  .tab {
    flex: none;
    appearance: none;
    background: none;
    border: none;
    border-bottom: 2px solid transparent;
    color: inherit;
    cursor: pointer;
    font: inherit;
    font-size: var(--ha-font-size-m, 14px);
    font-weight: var(--ha-font-weight-medium, 500);
    opacity: 0.75;
    padding: 12px 16px 10px;
    white-space: nowrap;
  }
  .tab[aria-selected="true"] {
    opacity: 1;
    border-bottom-color: currentColor;
  }
  .tab:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: -4px;
  }
  .content {
    box-sizing: border-box;
    max-width: 1600px;
    margin: 0 auto;
    padding: 16px 16px calc(16px + env(safe-area-inset-bottom));
  }
  :host([narrow]) .content {
    padding: 8px 8px calc(8px + env(safe-area-inset-bottom));
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
    align-items: start;
    gap: 16px;
  }
  :host([narrow]) .columns {
    gap: 8px;
  }
  .message {
    display: block;
    padding: 16px;
    color: var(--secondary-text-color, #727272);
  }
`;
function Kt(r, e) {
  const t = (n, i) => me(r, e, n, i).length > 0, s = [];
  return t("calendar", "timetable") && s.push({ type: "custom:schoolbag-day-card", device_id: e }), t("todo", "homework") && s.push({ type: "custom:schoolbag-homework-card", device_id: e }), (X(r, e, "sensor", "latest_grade") || t("sensor", "overall_average") || t("sensor", "period_average") || t("sensor", "ue_average")) && s.push({ type: "custom:schoolbag-grades-card", device_id: e }), s;
}
function Gt(r, e) {
  const t = r.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "student";
  let s = t;
  for (let n = 2; e.has(s); n++)
    s = `${t}-${n}`;
  return e.add(s), s;
}
function Ze(r) {
  const e = /* @__PURE__ */ new Set();
  return ge(r).map(({ deviceId: t, name: s }) => ({
    deviceId: t,
    name: s,
    path: Gt(s, e),
    cards: Kt(r, t)
  }));
}
var Jt = Object.defineProperty, te = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && Jt(e, t, n), n;
};
function Yt(r) {
  const e = document.createElement(r.type.replace(/^custom:/, ""));
  return e.setConfig?.(r), e;
}
const Ie = () => decodeURIComponent(window.location.hash.slice(1)), we = class we extends w {
  constructor() {
    super(...arguments), this.narrow = !1, this.selected = Ie(), this.views = [], this.cards = [], this.cardsFrom = "", this.onHashChange = () => {
      this.selected = Ie();
    };
  }
  connectedCallback() {
    super.connectedCallback(), window.addEventListener("hashchange", this.onHashChange), window.location.hash && this.onHashChange();
  }
  disconnectedCallback() {
    window.removeEventListener("hashchange", this.onHashChange), super.disconnectedCallback();
  }
  get current() {
    return this.views.find((e) => e.path === this.selected) ?? this.views[0];
  }
  willUpdate() {
    const e = this.hass;
    if (!e)
      return;
    (this.viewsFrom?.[0] !== e.entities || this.viewsFrom[1] !== e.devices) && (this.views = Ze(e), this.viewsFrom = [e.entities, e.devices]);
    const t = this.current?.cards ?? [], s = JSON.stringify(t);
    s !== this.cardsFrom && (this.cards = t.map(Yt), this.cardsFrom = s);
    for (const n of this.cards)
      n.hass = e;
  }
  updated() {
    const e = this.current?.path;
    e !== this.shownPath && (this.shownPath = e, this.renderRoot.querySelector('[role="tab"][aria-selected="true"]')?.scrollIntoView?.({ block: "nearest", inline: "nearest" }));
  }
  select(e) {
    this.selected = e.path, window.history.replaceState(window.history.state, "", `#${encodeURIComponent(e.path)}`);
  }
  render() {
    const e = this.hass;
    if (!e)
      return l;
    const t = this.current;
    return c`<div class="header">
        <div class="toolbar">
          <ha-menu-button .hass=${e} .narrow=${this.narrow}></ha-menu-button>
          <div class="title">${this.panel?.title || "Schoolbag"}</div>
        </div>
        ${this.views.length ? c`<div class="tabs" role="tablist" aria-label=${f(e, "panel.students")}>
              ${this.views.map(
      (s) => c`<button
                    class="tab"
                    role="tab"
                    data-path=${s.path}
                    aria-selected=${s === t ? "true" : "false"}
                    @click=${() => this.select(s)}
                  >
                    ${s.name}
                  </button>`
    )}
            </div>` : l}
      </div>
      <div class="content" role="tabpanel">${this.body(e, t)}</div>`;
  }
  body(e, t) {
    return t ? this.cards.length === 0 ? this.message(f(e, "panel.nothing", { name: t.name })) : c`<div class="columns">${this.cards}</div>` : this.message(f(e, "editor.no_students"));
  }
  message(e) {
    return c`<ha-card><div class="message">${e}</div></ha-card>`;
  }
};
we.styles = Zt;
let A = we;
te([
  k({ attribute: !1 })
], A.prototype, "hass");
te([
  k({ type: Boolean, reflect: !0 })
], A.prototype, "narrow");
te([
  k({ attribute: !1 })
], A.prototype, "panel");
te([
  S()
], A.prototype, "selected");
function Qt(r) {
  const e = Ze(r).map(({ name: t, path: s, cards: n }) => ({ title: t, path: s, cards: n }));
  return e.length === 0 && e.push({
    title: "Schoolbag",
    path: "schoolbag",
    cards: [{ type: "markdown", content: f(r, "editor.no_students") }]
  }), { title: "Schoolbag", views: e };
}
class Xt extends HTMLElement {
  static async generate(e, t) {
    return Qt(t);
  }
}
const es = "https://github.com/schoolbag-ha/schoolbag#dashboard", ts = [
  ["schoolbag-day-card", z, "day"],
  ["schoolbag-homework-card", O, "homework"],
  ["schoolbag-grades-card", oe, "grades"]
];
function se(r, e) {
  customElements.get(r) || customElements.define(r, e);
}
se("schoolbag-card-editor", H);
se("schoolbag-panel", A);
se("ll-strategy-dashboard-schoolbag", Xt);
window.customCards = window.customCards ?? [];
for (const [r, e, t] of ts)
  se(r, e), window.customCards.some((s) => s.type === r) || window.customCards.push({
    type: r,
    name: K[`${t}.name`],
    description: K[`${t}.description`],
    preview: !0,
    documentationURL: es
  });
