const F = globalThis, ne = F.ShadowRoot && (F.ShadyCSS === void 0 || F.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype, ie = /* @__PURE__ */ Symbol(), _e = /* @__PURE__ */ new WeakMap();
let De = class {
  constructor(e, t, s) {
    if (this._$cssResult$ = !0, s !== ie) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
    this.cssText = e, this.t = t;
  }
  get styleSheet() {
    let e = this.o;
    const t = this.t;
    if (ne && e === void 0) {
      const s = t !== void 0 && t.length === 1;
      s && (e = _e.get(t)), e === void 0 && ((this.o = e = new CSSStyleSheet()).replaceSync(this.cssText), s && _e.set(t, e));
    }
    return e;
  }
  toString() {
    return this.cssText;
  }
};
const Fe = (r) => new De(typeof r == "string" ? r : r + "", void 0, ie), j = (r, ...e) => {
  const t = r.length === 1 ? r[0] : e.reduce((s, n, i) => s + ((o) => {
    if (o._$cssResult$ === !0) return o.cssText;
    if (typeof o == "number") return o;
    throw Error("Value passed to 'css' function must be a 'css' function result: " + o + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
  })(n) + r[i + 1], r[0]);
  return new De(t, r, ie);
}, We = (r, e) => {
  if (ne) r.adoptedStyleSheets = e.map((t) => t instanceof CSSStyleSheet ? t : t.styleSheet);
  else for (const t of e) {
    const s = document.createElement("style"), n = F.litNonce;
    n !== void 0 && s.setAttribute("nonce", n), s.textContent = t.cssText, r.appendChild(s);
  }
}, be = ne ? (r) => r : (r) => r instanceof CSSStyleSheet ? ((e) => {
  let t = "";
  for (const s of e.cssRules) t += s.cssText;
  return Fe(t);
})(r) : r;
const { is: qe, defineProperty: Ve, getOwnPropertyDescriptor: Ze, getOwnPropertyNames: Ke, getOwnPropertySymbols: Ge, getPrototypeOf: Ye } = Object, G = globalThis, we = G.trustedTypes, Je = we ? we.emptyScript : "", Qe = G.reactiveElementPolyfillSupport, D = (r, e) => r, W = { toAttribute(r, e) {
  switch (e) {
    case Boolean:
      r = r ? Je : null;
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
} }, oe = (r, e) => !qe(r, e), Ae = { attribute: !0, type: String, converter: W, reflect: !1, useDefault: !1, hasChanged: oe };
Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), G.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
let A = class extends HTMLElement {
  static addInitializer(e) {
    this._$Ei(), (this.l ??= []).push(e);
  }
  static get observedAttributes() {
    return this.finalize(), this._$Eh && [...this._$Eh.keys()];
  }
  static createProperty(e, t = Ae) {
    if (t.state && (t.attribute = !1), this._$Ei(), this.prototype.hasOwnProperty(e) && ((t = Object.create(t)).wrapped = !0), this.elementProperties.set(e, t), !t.noAccessor) {
      const s = /* @__PURE__ */ Symbol(), n = this.getPropertyDescriptor(e, s, t);
      n !== void 0 && Ve(this.prototype, e, n);
    }
  }
  static getPropertyDescriptor(e, t, s) {
    const { get: n, set: i } = Ze(this.prototype, e) ?? { get() {
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
    return this.elementProperties.get(e) ?? Ae;
  }
  static _$Ei() {
    if (this.hasOwnProperty(D("elementProperties"))) return;
    const e = Ye(this);
    e.finalize(), e.l !== void 0 && (this.l = [...e.l]), this.elementProperties = new Map(e.elementProperties);
  }
  static finalize() {
    if (this.hasOwnProperty(D("finalized"))) return;
    if (this.finalized = !0, this._$Ei(), this.hasOwnProperty(D("properties"))) {
      const t = this.properties, s = [...Ke(t), ...Ge(t)];
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
      for (const n of s) t.unshift(be(n));
    } else e !== void 0 && t.push(be(e));
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
    return We(e, this.constructor.elementStyles), e;
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
      const i = (s.converter?.toAttribute !== void 0 ? s.converter : W).toAttribute(t, s.type);
      this._$Em = e, i == null ? this.removeAttribute(n) : this.setAttribute(n, i), this._$Em = null;
    }
  }
  _$AK(e, t) {
    const s = this.constructor, n = s._$Eh.get(e);
    if (n !== void 0 && this._$Em !== n) {
      const i = s.getPropertyOptions(n), o = typeof i.converter == "function" ? { fromAttribute: i.converter } : i.converter?.fromAttribute !== void 0 ? i.converter : W;
      this._$Em = n;
      const a = o.fromAttribute(t, i.type);
      this[n] = a ?? this._$Ej?.get(n) ?? a, this._$Em = null;
    }
  }
  requestUpdate(e, t, s, n = !1, i) {
    if (e !== void 0) {
      const o = this.constructor;
      if (n === !1 && (i = this[e]), s ??= o.getPropertyOptions(e), !((s.hasChanged ?? oe)(i, t) || s.useDefault && s.reflect && i === this._$Ej?.get(e) && !this.hasAttribute(o._$Eu(e, s)))) return;
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
A.elementStyles = [], A.shadowRootOptions = { mode: "open" }, A[D("elementProperties")] = /* @__PURE__ */ new Map(), A[D("finalized")] = /* @__PURE__ */ new Map(), Qe?.({ ReactiveElement: A }), (G.reactiveElementVersions ??= []).push("2.1.2");
const ae = globalThis, xe = (r) => r, q = ae.trustedTypes, ke = q ? q.createPolicy("lit-html", { createHTML: (r) => r }) : void 0, Ne = "$lit$", v = `lit$${Math.random().toFixed(9).slice(2)}$`, Ue = "?" + v, Xe = `<${Ue}>`, b = document, N = () => b.createComment(""), U = (r) => r === null || typeof r != "object" && typeof r != "function", de = Array.isArray, et = (r) => de(r) || typeof r?.[Symbol.iterator] == "function", ee = `[ 	
\f\r]`, P = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g, Ee = /-->/g, Se = />/g, $ = RegExp(`>|${ee}(?:([^\\s"'>=/]+)(${ee}*=${ee}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g"), Ce = /'/g, Te = /"/g, Ie = /^(?:script|style|textarea|title)$/i, tt = (r) => (e, ...t) => ({ _$litType$: r, strings: e, values: t }), c = tt(1), g = /* @__PURE__ */ Symbol.for("lit-noChange"), l = /* @__PURE__ */ Symbol.for("lit-nothing"), Pe = /* @__PURE__ */ new WeakMap(), y = b.createTreeWalker(b, 129);
function Me(r, e) {
  if (!de(r) || !r.hasOwnProperty("raw")) throw Error("invalid template strings array");
  return ke !== void 0 ? ke.createHTML(e) : e;
}
const st = (r, e) => {
  const t = r.length - 1, s = [];
  let n, i = e === 2 ? "<svg>" : e === 3 ? "<math>" : "", o = P;
  for (let a = 0; a < t; a++) {
    const d = r[a];
    let u, p, h = -1, m = 0;
    for (; m < d.length && (o.lastIndex = m, p = o.exec(d), p !== null); ) m = o.lastIndex, o === P ? p[1] === "!--" ? o = Ee : p[1] !== void 0 ? o = Se : p[2] !== void 0 ? (Ie.test(p[2]) && (n = RegExp("</" + p[2], "g")), o = $) : p[3] !== void 0 && (o = $) : o === $ ? p[0] === ">" ? (o = n ?? P, h = -1) : p[1] === void 0 ? h = -2 : (h = o.lastIndex - p[2].length, u = p[1], o = p[3] === void 0 ? $ : p[3] === '"' ? Te : Ce) : o === Te || o === Ce ? o = $ : o === Ee || o === Se ? o = P : (o = $, n = void 0);
    const f = o === $ && r[a + 1].startsWith("/>") ? " " : "";
    i += o === P ? d + Xe : h >= 0 ? (s.push(u), d.slice(0, h) + Ne + d.slice(h) + v + f) : d + v + (h === -2 ? a : f);
  }
  return [Me(r, i + (r[t] || "<?>") + (e === 2 ? "</svg>" : e === 3 ? "</math>" : "")), s];
};
class I {
  constructor({ strings: e, _$litType$: t }, s) {
    let n;
    this.parts = [];
    let i = 0, o = 0;
    const a = e.length - 1, d = this.parts, [u, p] = st(e, t);
    if (this.el = I.createElement(u, s), y.currentNode = this.el.content, t === 2 || t === 3) {
      const h = this.el.content.firstChild;
      h.replaceWith(...h.childNodes);
    }
    for (; (n = y.nextNode()) !== null && d.length < a; ) {
      if (n.nodeType === 1) {
        if (n.hasAttributes()) for (const h of n.getAttributeNames()) if (h.endsWith(Ne)) {
          const m = p[o++], f = n.getAttribute(h).split(v), B = /([.?@])?(.*)/.exec(m);
          d.push({ type: 1, index: i, name: B[2], strings: f, ctor: B[1] === "." ? nt : B[1] === "?" ? it : B[1] === "@" ? ot : Y }), n.removeAttribute(h);
        } else h.startsWith(v) && (d.push({ type: 6, index: i }), n.removeAttribute(h));
        if (Ie.test(n.tagName)) {
          const h = n.textContent.split(v), m = h.length - 1;
          if (m > 0) {
            n.textContent = q ? q.emptyScript : "";
            for (let f = 0; f < m; f++) n.append(h[f], N()), y.nextNode(), d.push({ type: 2, index: ++i });
            n.append(h[m], N());
          }
        }
      } else if (n.nodeType === 8) if (n.data === Ue) d.push({ type: 2, index: i });
      else {
        let h = -1;
        for (; (h = n.data.indexOf(v, h + 1)) !== -1; ) d.push({ type: 7, index: i }), h += v.length - 1;
      }
      i++;
    }
  }
  static createElement(e, t) {
    const s = b.createElement("template");
    return s.innerHTML = e, s;
  }
}
function S(r, e, t = r, s) {
  if (e === g) return e;
  let n = s !== void 0 ? t._$Co?.[s] : t._$Cl;
  const i = U(e) ? void 0 : e._$litDirective$;
  return n?.constructor !== i && (n?._$AO?.(!1), i === void 0 ? n = void 0 : (n = new i(r), n._$AT(r, t, s)), s !== void 0 ? (t._$Co ??= [])[s] = n : t._$Cl = n), n !== void 0 && (e = S(r, n._$AS(r, e.values), n, s)), e;
}
class rt {
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
    const { el: { content: t }, parts: s } = this._$AD, n = (e?.creationScope ?? b).importNode(t, !0);
    y.currentNode = n;
    let i = y.nextNode(), o = 0, a = 0, d = s[0];
    for (; d !== void 0; ) {
      if (o === d.index) {
        let u;
        d.type === 2 ? u = new z(i, i.nextSibling, this, e) : d.type === 1 ? u = new d.ctor(i, d.name, d.strings, this, e) : d.type === 6 && (u = new at(i, this, e)), this._$AV.push(u), d = s[++a];
      }
      o !== d?.index && (i = y.nextNode(), o++);
    }
    return y.currentNode = b, n;
  }
  p(e) {
    let t = 0;
    for (const s of this._$AV) s !== void 0 && (s.strings !== void 0 ? (s._$AI(e, s, t), t += s.strings.length - 2) : s._$AI(e[t])), t++;
  }
}
class z {
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
    e = S(this, e, t), U(e) ? e === l || e == null || e === "" ? (this._$AH !== l && this._$AR(), this._$AH = l) : e !== this._$AH && e !== g && this._(e) : e._$litType$ !== void 0 ? this.$(e) : e.nodeType !== void 0 ? this.T(e) : et(e) ? this.k(e) : this._(e);
  }
  O(e) {
    return this._$AA.parentNode.insertBefore(e, this._$AB);
  }
  T(e) {
    this._$AH !== e && (this._$AR(), this._$AH = this.O(e));
  }
  _(e) {
    this._$AH !== l && U(this._$AH) ? this._$AA.nextSibling.data = e : this.T(b.createTextNode(e)), this._$AH = e;
  }
  $(e) {
    const { values: t, _$litType$: s } = e, n = typeof s == "number" ? this._$AC(e) : (s.el === void 0 && (s.el = I.createElement(Me(s.h, s.h[0]), this.options)), s);
    if (this._$AH?._$AD === n) this._$AH.p(t);
    else {
      const i = new rt(n, this), o = i.u(this.options);
      i.p(t), this.T(o), this._$AH = i;
    }
  }
  _$AC(e) {
    let t = Pe.get(e.strings);
    return t === void 0 && Pe.set(e.strings, t = new I(e)), t;
  }
  k(e) {
    de(this._$AH) || (this._$AH = [], this._$AR());
    const t = this._$AH;
    let s, n = 0;
    for (const i of e) n === t.length ? t.push(s = new z(this.O(N()), this.O(N()), this, this.options)) : s = t[n], s._$AI(i), n++;
    n < t.length && (this._$AR(s && s._$AB.nextSibling, n), t.length = n);
  }
  _$AR(e = this._$AA.nextSibling, t) {
    for (this._$AP?.(!1, !0, t); e !== this._$AB; ) {
      const s = xe(e).nextSibling;
      xe(e).remove(), e = s;
    }
  }
  setConnected(e) {
    this._$AM === void 0 && (this._$Cv = e, this._$AP?.(e));
  }
}
class Y {
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
    if (i === void 0) e = S(this, e, t, 0), o = !U(e) || e !== this._$AH && e !== g, o && (this._$AH = e);
    else {
      const a = e;
      let d, u;
      for (e = i[0], d = 0; d < i.length - 1; d++) u = S(this, a[s + d], t, d), u === g && (u = this._$AH[d]), o ||= !U(u) || u !== this._$AH[d], u === l ? e = l : e !== l && (e += (u ?? "") + i[d + 1]), this._$AH[d] = u;
    }
    o && !n && this.j(e);
  }
  j(e) {
    e === l ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, e ?? "");
  }
}
class nt extends Y {
  constructor() {
    super(...arguments), this.type = 3;
  }
  j(e) {
    this.element[this.name] = e === l ? void 0 : e;
  }
}
class it extends Y {
  constructor() {
    super(...arguments), this.type = 4;
  }
  j(e) {
    this.element.toggleAttribute(this.name, !!e && e !== l);
  }
}
class ot extends Y {
  constructor(e, t, s, n, i) {
    super(e, t, s, n, i), this.type = 5;
  }
  _$AI(e, t = this) {
    if ((e = S(this, e, t, 0) ?? l) === g) return;
    const s = this._$AH, n = e === l && s !== l || e.capture !== s.capture || e.once !== s.once || e.passive !== s.passive, i = e !== l && (s === l || n);
    n && this.element.removeEventListener(this.name, this, s), i && this.element.addEventListener(this.name, this, e), this._$AH = e;
  }
  handleEvent(e) {
    typeof this._$AH == "function" ? this._$AH.call(this.options?.host ?? this.element, e) : this._$AH.handleEvent(e);
  }
}
class at {
  constructor(e, t, s) {
    this.element = e, this.type = 6, this._$AN = void 0, this._$AM = t, this.options = s;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AI(e) {
    S(this, e);
  }
}
const dt = ae.litHtmlPolyfillSupport;
dt?.(I, z), (ae.litHtmlVersions ??= []).push("3.3.3");
const ct = (r, e, t) => {
  const s = t?.renderBefore ?? e;
  let n = s._$litPart$;
  if (n === void 0) {
    const i = t?.renderBefore ?? null;
    s._$litPart$ = n = new z(e.insertBefore(N(), i), i, void 0, t ?? {});
  }
  return n._$AI(r), n;
};
const ce = globalThis;
let k = class extends A {
  constructor() {
    super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
  }
  createRenderRoot() {
    const e = super.createRenderRoot();
    return this.renderOptions.renderBefore ??= e.firstChild, e;
  }
  update(e) {
    const t = this.render();
    this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(e), this._$Do = ct(t, this.renderRoot, this.renderOptions);
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
k._$litElement$ = !0, k.finalized = !0, ce.litElementHydrateSupport?.({ LitElement: k });
const lt = ce.litElementPolyfillSupport;
lt?.({ LitElement: k });
(ce.litElementVersions ??= []).push("4.2.2");
const ht = { attribute: !0, type: String, converter: W, reflect: !1, hasChanged: oe }, ut = (r = ht, e, t) => {
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
function J(r) {
  return (e, t) => typeof t == "object" ? ut(r, e, t) : ((s, n, i) => {
    const o = n.hasOwnProperty(i);
    return n.constructor.createProperty(i, s), o ? Object.getOwnPropertyDescriptor(n, i) : void 0;
  })(r, e, t);
}
function T(r) {
  return J({ ...r, state: !0, attribute: !1 });
}
const pt = {
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
  "editor.days": "Dage frem"
}, V = {
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
  "editor.days": "Days ahead"
}, gt = {
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
  "editor.days": "Jours à venir"
}, mt = { en: V, fr: gt, da: pt };
function H(r) {
  return r.locale?.language || r.language || "en";
}
function E(r, e, t = {}) {
  return (mt[H(r).slice(0, 2).toLowerCase()] ?? V)[e].replace(/\{(\w+)\}/g, (n, i) => t[i] ?? "");
}
const Re = "schoolbag";
function le(r, e) {
  const t = r.devices[e];
  return t?.name_by_user || t?.name || e;
}
function he(r) {
  const e = /* @__PURE__ */ new Set();
  for (const t of Object.values(r.entities))
    t.platform === Re && t.device_id && r.devices[t.device_id] && e.add(t.device_id);
  return [...e].map((t) => ({ deviceId: t, name: le(r, t) })).sort((t, s) => t.name.localeCompare(s.name));
}
function ue(r, e, t, s) {
  return Object.values(r.entities).filter(
    (n) => n.platform === Re && n.device_id === e && n.translation_key === s && n.entity_id.startsWith(`${t}.`)
  ).map((n) => n.entity_id).sort();
}
function Q(r, e, t, s) {
  return ue(r, e, t, s)[0];
}
function ft(r, e, t) {
  const s = String(r.states[e]?.attributes.friendly_name ?? e), n = `${le(r, t)} `;
  return s.startsWith(n) ? s.slice(n.length) : s;
}
var vt = Object.defineProperty, je = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && vt(e, t, n), n;
};
class L extends k {
  static getConfigElement() {
    return document.createElement("schoolbag-card-editor");
  }
  /** A new card shows the first student. */
  static getStubConfig(e) {
    const t = he(e)[0];
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
    return this.hass ? E(this.hass, e, t) : e;
  }
  header(e) {
    const t = this.deviceId;
    return c`<div class="header">
      <span class="title">${e}</span>
      <span class="student">${this.hass && t ? le(this.hass, t) : ""}</span>
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
je([
  J({ attribute: !1 })
], L.prototype, "hass");
je([
  J({ attribute: !1 })
], L.prototype, "config");
function Z(r) {
  return r.locale?.time_zone === "local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : r.config.time_zone;
}
function K(r, e) {
  const t = new Intl.DateTimeFormat("en-CA", {
    timeZone: e,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).formatToParts(r), s = (n) => t.find((i) => i.type === n)?.value ?? "";
  return `${s("year")}-${s("month")}-${s("day")}`;
}
function X(r, e) {
  const [t, s, n] = r.split("-").map(Number);
  return new Date(Date.UTC(t, s - 1, n + e)).toISOString().slice(0, 10);
}
function ze(r, e) {
  return r.length === 10 ? r : K(new Date(r), e);
}
function $t(r) {
  const e = r.locale?.time_format;
  if (e === "12" || e === "24")
    return e === "12";
  const t = e === "system" ? void 0 : H(r);
  return (/* @__PURE__ */ new Date("January 1, 2023 22:00:00")).toLocaleString(t).includes("10");
}
function Oe(r, e) {
  return new Intl.DateTimeFormat(H(r), {
    timeZone: Z(r),
    hour: "numeric",
    minute: "2-digit",
    hourCycle: $t(r) ? "h12" : "h23"
  }).format(new Date(e));
}
function se(r, e) {
  const [t, s, n] = e.split("-").map(Number);
  return new Intl.DateTimeFormat(H(r), {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long"
  }).format(new Date(Date.UTC(t, s - 1, n)));
}
function O(r, e) {
  return new Intl.NumberFormat(H(r), { maximumFractionDigits: 2 }).format(e);
}
const pe = j`
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
`, yt = ["changed", "cancelled", "exam", "exempted"], _t = {
  cancelled: ["cancelled", "annulé", "aflyst"],
  changed: ["changed", "modifié", "ændret"],
  exam: ["exam", "examen", "eksamen"],
  exempted: ["exempted", "dispensé", "fritaget"]
};
function bt(r, e) {
  if (e === "normal")
    return r;
  for (const t of _t[e]) {
    const s = ` (${t})`;
    if (r.endsWith(s) && r.length > s.length)
      return r.slice(0, -s.length);
  }
  return r;
}
function wt(r) {
  const e = /* @__PURE__ */ new Map(), t = r?.lesson_status;
  if (t && typeof t == "object")
    for (const [s, n] of Object.entries(t))
      yt.includes(n) && e.set(s, n);
  return e;
}
function At(r, e, t) {
  return r.map((s, n) => {
    const i = s.start.dateTime === void 0, o = s.start.dateTime ?? s.start.date ?? "", a = s.uid ?? `event-${n}`, d = e.get(a) ?? "normal";
    return {
      uid: a,
      // The card shows the status as its own badge, in the user's language.
      summary: bt(s.summary, d),
      start: o,
      end: s.end.dateTime ?? s.end.date ?? o,
      allDay: i,
      day: ze(o, t),
      location: s.location ?? "",
      details: (s.description ?? "").split(`
`).filter((u) => u.trim()),
      status: d
    };
  }).sort((s, n) => Number(n.allDay) - Number(s.allDay) || Date.parse(s.start) - Date.parse(n.start));
}
function xt(r, e, t) {
  const s = (a) => r.filter((d) => d.day === a);
  if (s(t).filter(
    (a) => !a.allDay && a.status !== "cancelled"
  ).some((a) => Date.parse(a.end) > e.getTime()))
    return { day: t, lessons: s(t) };
  const o = r.map((a) => a.day).filter((a) => a > t).sort()[0] ?? X(t, 1);
  return { day: o, lessons: s(o) };
}
var kt = Object.defineProperty, He = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && kt(e, t, n), n;
};
const Et = 8, te = 6e4, fe = class fe extends L {
  connectedCallback() {
    super.connectedCallback(), this.timer = setInterval(() => this.requestUpdate(), te);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), clearInterval(this.timer);
  }
  get calendarId() {
    return this.hass && this.deviceId ? Q(this.hass, this.deviceId, "calendar", "timetable") : void 0;
  }
  updated(e) {
    super.updated(e);
    const t = this.hass, s = this.calendarId;
    if (!t || !s)
      return;
    const n = t.states[s], i = K(/* @__PURE__ */ new Date(), Z(t)), o = this.fetchedFor;
    o?.entityId === s && o.stateObj === n && o.today === i || (this.fetchedFor = { entityId: s, stateObj: n, today: i }, this.fetchEvents(s));
  }
  async fetchEvents(e) {
    const t = Date.now(), s = new Date(t - 1440 * te).toISOString(), n = new Date(t + Et * 24 * 60 * te).toISOString(), i = `calendars/${e}?start=${encodeURIComponent(s)}&end=${encodeURIComponent(n)}`;
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
    const s = Z(e), n = /* @__PURE__ */ new Date(), i = K(n, s), o = At(this.events ?? [], wt(e.states[t]?.attributes), s), a = xt(o, n, i), d = a.day === i ? this.t("day.today") : a.day === X(i, 1) ? this.t("day.tomorrow") : se(e, a.day);
    return c`${this.header(d)}
      <div class="secondary">${se(e, a.day)}</div>
      ${this.events === void 0 ? l : a.lessons.length === 0 ? this.message(this.t("day.none")) : c`<ul>
              ${a.lessons.map((u) => this.lesson(u))}
            </ul>`}`;
  }
  lesson(e) {
    const t = this.hass, s = [e.location, ...e.details].filter(Boolean).join(" · ");
    return c`<li class="lesson ${e.status}" data-uid=${e.uid}>
      <div class="time">
        ${e.allDay ? l : c`${Oe(t, e.start)}<br />${Oe(t, e.end)}`}
      </div>
      <div class="main">
        <div class="subject">${e.summary}</div>
        ${s ? c`<div class="secondary">${s}</div>` : l}
      </div>
      ${e.status === "normal" ? l : c`<span class="badge ${e.status}">${this.t(`status.${e.status}`)}</span>`}
    </li>`;
  }
};
fe.styles = [
  pe,
  j`
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
let M = fe;
He([
  T()
], M.prototype, "events");
He([
  T()
], M.prototype, "error");
const w = { ATTRIBUTE: 1, PROPERTY: 3, BOOLEAN_ATTRIBUTE: 4 }, St = (r) => (...e) => ({ _$litDirective$: r, values: e });
class Ct {
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
const Tt = (r) => r.strings === void 0, Pt = {}, Ot = (r, e = Pt) => r._$AH = e;
const Dt = St(class extends Ct {
  constructor(r) {
    if (super(r), r.type !== w.PROPERTY && r.type !== w.ATTRIBUTE && r.type !== w.BOOLEAN_ATTRIBUTE) throw Error("The `live` directive is not allowed on child or event bindings");
    if (!Tt(r)) throw Error("`live` bindings can only contain a single expression");
  }
  render(r) {
    return r;
  }
  update(r, [e]) {
    if (e === g || e === l) return e;
    const t = r.element, s = r.name;
    if (r.type === w.PROPERTY) {
      if (e === t[s]) return g;
    } else if (r.type === w.BOOLEAN_ATTRIBUTE) {
      if (!!e === t.hasAttribute(s)) return g;
    } else if (r.type === w.ATTRIBUTE && t.getAttribute(s) === e + "") return g;
    return Ot(r), e;
  }
});
function Nt(r, e, t, s) {
  const n = X(e, t - 1), i = /* @__PURE__ */ new Map();
  for (const o of r) {
    if (!o.due)
      continue;
    const a = ze(o.due, s);
    a >= e && a <= n && i.set(a, [...i.get(a) ?? [], o]);
  }
  return [...i.keys()].sort().map((o) => ({ day: o, items: i.get(o) }));
}
var Ut = Object.defineProperty, ge = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && Ut(e, t, n), n;
};
const Le = 7, ve = class ve extends L {
  constructor() {
    super(...arguments), this.sending = /* @__PURE__ */ new Map(), this.refused = /* @__PURE__ */ new Map();
  }
  get todoId() {
    return this.hass && this.deviceId ? Q(this.hass, this.deviceId, "todo", "homework") : void 0;
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
    const t = Z(e), s = K(/* @__PURE__ */ new Date(), t), n = Nt(this.items, s, this.config?.days ?? Le, t);
    return c`${this.header(this.t("homework.title"))}
      ${n.length === 0 ? this.message(this.t("homework.none")) : n.map(
      ({ day: i, items: o }) => c`<h3>${this.dayTitle(i, s)}</h3>
              <ul>
                ${o.map((a) => this.item(a))}
              </ul>`
    )}`;
  }
  dayTitle(e, t) {
    return e === t ? this.t("day.today") : e === X(t, 1) ? this.t("day.tomorrow") : se(this.hass, e);
  }
  item(e) {
    const t = e.status === "completed", s = this.sending.get(e.uid), n = s !== void 0, i = this.refused.get(e.uid);
    return c`<li class="item ${e.status}" data-uid=${e.uid}>
      <input
        type="checkbox"
        .checked=${Dt(s ?? t)}
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
ve.styles = [
  pe,
  j`
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
let C = ve;
ge([
  T()
], C.prototype, "items");
ge([
  T()
], C.prototype, "sending");
ge([
  T()
], C.prototype, "refused");
var It = Object.defineProperty, Be = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, o; i >= 0; i--)
    (o = r[i]) && (n = o(e, t, n) || n);
  return n && It(e, t, n), n;
};
const $e = class $e extends k {
  setConfig(e) {
    this.config = e;
  }
  t(e) {
    return this.hass ? E(this.hass, e) : e;
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
    const e = he(this.hass);
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
              .value=${String(this.config.days ?? Le)}
              @change=${(s) => {
      const n = Number(s.target.value);
      Number.isInteger(n) && n >= 1 && this.change({ days: n });
    }}
            />
          </label>` : l}`;
  }
};
$e.styles = j`
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
let R = $e;
Be([
  J({ attribute: !1 })
], R.prototype, "hass");
Be([
  T()
], R.prototype, "config");
function _(r) {
  const e = typeof r == "number" ? r : Number.parseFloat(String(r));
  return Number.isFinite(e) ? e : null;
}
function x(r) {
  return r == null ? "" : String(r);
}
function Mt(r) {
  const e = r?.attributes;
  return !r || !e || e.subject === void 0 ? null : {
    subject: x(e.subject),
    title: x(e.title),
    date: x(e.date),
    value: _(e.value ?? r.state),
    outOf: _(e.out_of),
    mark: e.mark ? x(e.mark) : null,
    raw: x(e.raw),
    coefficient: _(e.coefficient),
    classAverage: _(e.class_average)
  };
}
function Rt(r, e, t, s) {
  if (s === "overall_average")
    return E(r, "grades.overall");
  const n = ft(r, e, t), i = s === "period_average" ? "period" : "unit", o = x(r.states[e]?.attributes[i]).trim();
  return o ? s === "period_average" ? E(r, "grades.period_average", { period: o }) : E(r, "grades.ue_average", { unit: o }) : n;
}
function jt(r, e, t, s) {
  const n = r.states[e];
  return {
    entityId: e,
    name: Rt(r, e, t, s),
    value: _(n?.state),
    outOf: _(n?.attributes.out_of),
    classAverage: _(n?.attributes.class_average)
  };
}
function zt(r, e) {
  return ["overall_average", "period_average", "ue_average"].flatMap(
    (s) => ue(r, e, "sensor", s).filter((n) => r.states[n]).map((n) => jt(r, n, e, s))
  );
}
function Ht(r, e) {
  return Q(r, e, "sensor", "latest_grade");
}
const Lt = ["absent", "exempt", "not_graded", "pending", "other"], ye = class ye extends L {
  content(e, t) {
    const s = Ht(e, t), n = zt(e, t);
    if (!s && n.length === 0)
      return this.message(this.t("card.missing", { what: this.t("grades.what") }));
    const i = s ? Mt(e.states[s]) : null;
    return c`${this.header(this.t("grades.title"))}
      ${i ? this.latest(i) : this.message(this.t("grades.none"))}
      ${n.length ? c`<ul>${n.map((o) => this.average(o))}</ul>` : l}`;
  }
  score(e, t, s = "–") {
    if (e === null)
      return c`${s}`;
    const n = O(this.hass, e);
    return t === null ? c`${n}` : c`${n}<span class="scale">/${O(this.hass, t)}</span>`;
  }
  latest(e) {
    const t = e.mark && Lt.includes(e.mark) ? this.t(`mark.${e.mark}`) : e.raw || "–", s = [
      e.title,
      e.classAverage === null ? "" : this.t("grades.class_average", { value: O(this.hass, e.classAverage) }),
      e.coefficient === null || e.coefficient === 1 ? "" : this.t("grades.coefficient", { value: O(this.hass, e.coefficient) })
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
              ${this.t("grades.class_average", { value: O(this.hass, e.classAverage) })}
            </div>`}
      </span>
    </li>`;
  }
};
ye.styles = [
  pe,
  j`
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
let re = ye;
function Bt(r, e) {
  const t = (n, i) => ue(r, e, n, i).length > 0, s = [];
  return t("calendar", "timetable") && s.push({ type: "custom:schoolbag-day-card", device_id: e }), t("todo", "homework") && s.push({ type: "custom:schoolbag-homework-card", device_id: e }), (Q(r, e, "sensor", "latest_grade") || t("sensor", "overall_average") || t("sensor", "period_average") || t("sensor", "ue_average")) && s.push({ type: "custom:schoolbag-grades-card", device_id: e }), s;
}
function Ft(r, e) {
  const t = r.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "student";
  let s = t;
  for (let n = 2; e.has(s); n++)
    s = `${t}-${n}`;
  return e.add(s), s;
}
function Wt(r) {
  const e = /* @__PURE__ */ new Set(), t = he(r).map(({ deviceId: s, name: n }) => ({
    title: n,
    path: Ft(n, e),
    cards: Bt(r, s)
  }));
  return t.length === 0 && t.push({
    title: "Schoolbag",
    path: "schoolbag",
    cards: [{ type: "markdown", content: E(r, "editor.no_students") }]
  }), { title: "Schoolbag", views: t };
}
class qt extends HTMLElement {
  static async generate(e, t) {
    return Wt(t);
  }
}
const Vt = "https://github.com/schoolbag-ha/schoolbag#dashboard", Zt = [
  ["schoolbag-day-card", M, "day"],
  ["schoolbag-homework-card", C, "homework"],
  ["schoolbag-grades-card", re, "grades"]
];
function me(r, e) {
  customElements.get(r) || customElements.define(r, e);
}
me("schoolbag-card-editor", R);
me("ll-strategy-dashboard-schoolbag", qt);
window.customCards = window.customCards ?? [];
for (const [r, e, t] of Zt)
  me(r, e), window.customCards.some((s) => s.type === r) || window.customCards.push({
    type: r,
    name: V[`${t}.name`],
    description: V[`${t}.description`],
    preview: !0,
    documentationURL: Vt
  });
