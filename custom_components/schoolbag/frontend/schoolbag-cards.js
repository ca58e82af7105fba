const V = globalThis, de = V.ShadowRoot && (V.ShadyCSS === void 0 || V.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype, ce = /* @__PURE__ */ Symbol(), Ae = /* @__PURE__ */ new WeakMap();
let Re = class {
  constructor(e, t, s) {
    if (this._$cssResult$ = !0, s !== ce) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
    this.cssText = e, this.t = t;
  }
  get styleSheet() {
    let e = this.o;
    const t = this.t;
    if (de && e === void 0) {
      const s = t !== void 0 && t.length === 1;
      s && (e = Ae.get(t)), e === void 0 && ((this.o = e = new CSSStyleSheet()).replaceSync(this.cssText), s && Ae.set(t, e));
    }
    return e;
  }
  toString() {
    return this.cssText;
  }
};
const Je = (r) => new Re(typeof r == "string" ? r : r + "", void 0, ce), D = (r, ...e) => {
  const t = r.length === 1 ? r[0] : e.reduce((s, n, i) => s + ((a) => {
    if (a._$cssResult$ === !0) return a.cssText;
    if (typeof a == "number") return a;
    throw Error("Value passed to 'css' function must be a 'css' function result: " + a + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
  })(n) + r[i + 1], r[0]);
  return new Re(t, r, ce);
}, Ye = (r, e) => {
  if (de) r.adoptedStyleSheets = e.map((t) => t instanceof CSSStyleSheet ? t : t.styleSheet);
  else for (const t of e) {
    const s = document.createElement("style"), n = V.litNonce;
    n !== void 0 && s.setAttribute("nonce", n), s.textContent = t.cssText, r.appendChild(s);
  }
}, ke = de ? (r) => r : (r) => r instanceof CSSStyleSheet ? ((e) => {
  let t = "";
  for (const s of e.cssRules) t += s.cssText;
  return Je(t);
})(r) : r;
const { is: Xe, defineProperty: Qe, getOwnPropertyDescriptor: et, getOwnPropertyNames: tt, getOwnPropertySymbols: st, getPrototypeOf: rt } = Object, Y = globalThis, Se = Y.trustedTypes, nt = Se ? Se.emptyScript : "", it = Y.reactiveElementPolyfillSupport, I = (r, e) => r, q = { toAttribute(r, e) {
  switch (e) {
    case Boolean:
      r = r ? nt : null;
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
} }, le = (r, e) => !Xe(r, e), Ee = { attribute: !0, type: String, converter: q, reflect: !1, useDefault: !1, hasChanged: le };
Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), Y.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
let T = class extends HTMLElement {
  static addInitializer(e) {
    this._$Ei(), (this.l ??= []).push(e);
  }
  static get observedAttributes() {
    return this.finalize(), this._$Eh && [...this._$Eh.keys()];
  }
  static createProperty(e, t = Ee) {
    if (t.state && (t.attribute = !1), this._$Ei(), this.prototype.hasOwnProperty(e) && ((t = Object.create(t)).wrapped = !0), this.elementProperties.set(e, t), !t.noAccessor) {
      const s = /* @__PURE__ */ Symbol(), n = this.getPropertyDescriptor(e, s, t);
      n !== void 0 && Qe(this.prototype, e, n);
    }
  }
  static getPropertyDescriptor(e, t, s) {
    const { get: n, set: i } = et(this.prototype, e) ?? { get() {
      return this[t];
    }, set(a) {
      this[t] = a;
    } };
    return { get: n, set(a) {
      const o = n?.call(this);
      i?.call(this, a), this.requestUpdate(e, o, s);
    }, configurable: !0, enumerable: !0 };
  }
  static getPropertyOptions(e) {
    return this.elementProperties.get(e) ?? Ee;
  }
  static _$Ei() {
    if (this.hasOwnProperty(I("elementProperties"))) return;
    const e = rt(this);
    e.finalize(), e.l !== void 0 && (this.l = [...e.l]), this.elementProperties = new Map(e.elementProperties);
  }
  static finalize() {
    if (this.hasOwnProperty(I("finalized"))) return;
    if (this.finalized = !0, this._$Ei(), this.hasOwnProperty(I("properties"))) {
      const t = this.properties, s = [...tt(t), ...st(t)];
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
      for (const n of s) t.unshift(ke(n));
    } else e !== void 0 && t.push(ke(e));
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
    return Ye(e, this.constructor.elementStyles), e;
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
      const i = (s.converter?.toAttribute !== void 0 ? s.converter : q).toAttribute(t, s.type);
      this._$Em = e, i == null ? this.removeAttribute(n) : this.setAttribute(n, i), this._$Em = null;
    }
  }
  _$AK(e, t) {
    const s = this.constructor, n = s._$Eh.get(e);
    if (n !== void 0 && this._$Em !== n) {
      const i = s.getPropertyOptions(n), a = typeof i.converter == "function" ? { fromAttribute: i.converter } : i.converter?.fromAttribute !== void 0 ? i.converter : q;
      this._$Em = n;
      const o = a.fromAttribute(t, i.type);
      this[n] = o ?? this._$Ej?.get(n) ?? o, this._$Em = null;
    }
  }
  requestUpdate(e, t, s, n = !1, i) {
    if (e !== void 0) {
      const a = this.constructor;
      if (n === !1 && (i = this[e]), s ??= a.getPropertyOptions(e), !((s.hasChanged ?? le)(i, t) || s.useDefault && s.reflect && i === this._$Ej?.get(e) && !this.hasAttribute(a._$Eu(e, s)))) return;
      this.C(e, t, s);
    }
    this.isUpdatePending === !1 && (this._$ES = this._$EP());
  }
  C(e, t, { useDefault: s, reflect: n, wrapped: i }, a) {
    s && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(e) && (this._$Ej.set(e, a ?? t ?? this[e]), i !== !0 || a !== void 0) || (this._$AL.has(e) || (this.hasUpdated || s || (t = void 0), this._$AL.set(e, t)), n === !0 && this._$Em !== e && (this._$Eq ??= /* @__PURE__ */ new Set()).add(e));
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
        const { wrapped: a } = i, o = this[n];
        a !== !0 || this._$AL.has(n) || o === void 0 || this.C(n, void 0, i, o);
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
T.elementStyles = [], T.shadowRootOptions = { mode: "open" }, T[I("elementProperties")] = /* @__PURE__ */ new Map(), T[I("finalized")] = /* @__PURE__ */ new Map(), it?.({ ReactiveElement: T }), (Y.reactiveElementVersions ??= []).push("2.1.2");
const he = globalThis, Ce = (r) => r, G = he.trustedTypes, Te = G ? G.createPolicy("lit-html", { createHTML: (r) => r }) : void 0, je = "$lit$", b = `lit$${Math.random().toFixed(9).slice(2)}$`, ze = "?" + b, at = `<${ze}>`, A = document, M = () => A.createComment(""), R = (r) => r === null || typeof r != "object" && typeof r != "function", ue = Array.isArray, ot = (r) => ue(r) || typeof r?.[Symbol.iterator] == "function", re = `[ 	
\f\r]`, N = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g, Oe = /-->/g, Pe = />/g, _ = RegExp(`>|${re}(?:([^\\s"'>=/]+)(${re}*=${re}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g"), De = /'/g, Ne = /"/g, He = /^(?:script|style|textarea|title)$/i, dt = (r) => (e, ...t) => ({ _$litType$: r, strings: e, values: t }), c = dt(1), m = /* @__PURE__ */ Symbol.for("lit-noChange"), l = /* @__PURE__ */ Symbol.for("lit-nothing"), Ue = /* @__PURE__ */ new WeakMap(), w = A.createTreeWalker(A, 129);
function Le(r, e) {
  if (!ue(r) || !r.hasOwnProperty("raw")) throw Error("invalid template strings array");
  return Te !== void 0 ? Te.createHTML(e) : e;
}
const ct = (r, e) => {
  const t = r.length - 1, s = [];
  let n, i = e === 2 ? "<svg>" : e === 3 ? "<math>" : "", a = N;
  for (let o = 0; o < t; o++) {
    const d = r[o];
    let h, p, u = -1, v = 0;
    for (; v < d.length && (a.lastIndex = v, p = a.exec(d), p !== null); ) v = a.lastIndex, a === N ? p[1] === "!--" ? a = Oe : p[1] !== void 0 ? a = Pe : p[2] !== void 0 ? (He.test(p[2]) && (n = RegExp("</" + p[2], "g")), a = _) : p[3] !== void 0 && (a = _) : a === _ ? p[0] === ">" ? (a = n ?? N, u = -1) : p[1] === void 0 ? u = -2 : (u = a.lastIndex - p[2].length, h = p[1], a = p[3] === void 0 ? _ : p[3] === '"' ? Ne : De) : a === Ne || a === De ? a = _ : a === Oe || a === Pe ? a = N : (a = _, n = void 0);
    const y = a === _ && r[o + 1].startsWith("/>") ? " " : "";
    i += a === N ? d + at : u >= 0 ? (s.push(h), d.slice(0, u) + je + d.slice(u) + b + y) : d + b + (u === -2 ? o : y);
  }
  return [Le(r, i + (r[t] || "<?>") + (e === 2 ? "</svg>" : e === 3 ? "</math>" : "")), s];
};
class j {
  constructor({ strings: e, _$litType$: t }, s) {
    let n;
    this.parts = [];
    let i = 0, a = 0;
    const o = e.length - 1, d = this.parts, [h, p] = ct(e, t);
    if (this.el = j.createElement(h, s), w.currentNode = this.el.content, t === 2 || t === 3) {
      const u = this.el.content.firstChild;
      u.replaceWith(...u.childNodes);
    }
    for (; (n = w.nextNode()) !== null && d.length < o; ) {
      if (n.nodeType === 1) {
        if (n.hasAttributes()) for (const u of n.getAttributeNames()) if (u.endsWith(je)) {
          const v = p[a++], y = n.getAttribute(u).split(b), W = /([.?@])?(.*)/.exec(v);
          d.push({ type: 1, index: i, name: W[2], strings: y, ctor: W[1] === "." ? ht : W[1] === "?" ? ut : W[1] === "@" ? pt : X }), n.removeAttribute(u);
        } else u.startsWith(b) && (d.push({ type: 6, index: i }), n.removeAttribute(u));
        if (He.test(n.tagName)) {
          const u = n.textContent.split(b), v = u.length - 1;
          if (v > 0) {
            n.textContent = G ? G.emptyScript : "";
            for (let y = 0; y < v; y++) n.append(u[y], M()), w.nextNode(), d.push({ type: 2, index: ++i });
            n.append(u[v], M());
          }
        }
      } else if (n.nodeType === 8) if (n.data === ze) d.push({ type: 2, index: i });
      else {
        let u = -1;
        for (; (u = n.data.indexOf(b, u + 1)) !== -1; ) d.push({ type: 7, index: i }), u += b.length - 1;
      }
      i++;
    }
  }
  static createElement(e, t) {
    const s = A.createElement("template");
    return s.innerHTML = e, s;
  }
}
function O(r, e, t = r, s) {
  if (e === m) return e;
  let n = s !== void 0 ? t._$Co?.[s] : t._$Cl;
  const i = R(e) ? void 0 : e._$litDirective$;
  return n?.constructor !== i && (n?._$AO?.(!1), i === void 0 ? n = void 0 : (n = new i(r), n._$AT(r, t, s)), s !== void 0 ? (t._$Co ??= [])[s] = n : t._$Cl = n), n !== void 0 && (e = O(r, n._$AS(r, e.values), n, s)), e;
}
class lt {
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
    const { el: { content: t }, parts: s } = this._$AD, n = (e?.creationScope ?? A).importNode(t, !0);
    w.currentNode = n;
    let i = w.nextNode(), a = 0, o = 0, d = s[0];
    for (; d !== void 0; ) {
      if (a === d.index) {
        let h;
        d.type === 2 ? h = new L(i, i.nextSibling, this, e) : d.type === 1 ? h = new d.ctor(i, d.name, d.strings, this, e) : d.type === 6 && (h = new gt(i, this, e)), this._$AV.push(h), d = s[++o];
      }
      a !== d?.index && (i = w.nextNode(), a++);
    }
    return w.currentNode = A, n;
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
    e = O(this, e, t), R(e) ? e === l || e == null || e === "" ? (this._$AH !== l && this._$AR(), this._$AH = l) : e !== this._$AH && e !== m && this._(e) : e._$litType$ !== void 0 ? this.$(e) : e.nodeType !== void 0 ? this.T(e) : ot(e) ? this.k(e) : this._(e);
  }
  O(e) {
    return this._$AA.parentNode.insertBefore(e, this._$AB);
  }
  T(e) {
    this._$AH !== e && (this._$AR(), this._$AH = this.O(e));
  }
  _(e) {
    this._$AH !== l && R(this._$AH) ? this._$AA.nextSibling.data = e : this.T(A.createTextNode(e)), this._$AH = e;
  }
  $(e) {
    const { values: t, _$litType$: s } = e, n = typeof s == "number" ? this._$AC(e) : (s.el === void 0 && (s.el = j.createElement(Le(s.h, s.h[0]), this.options)), s);
    if (this._$AH?._$AD === n) this._$AH.p(t);
    else {
      const i = new lt(n, this), a = i.u(this.options);
      i.p(t), this.T(a), this._$AH = i;
    }
  }
  _$AC(e) {
    let t = Ue.get(e.strings);
    return t === void 0 && Ue.set(e.strings, t = new j(e)), t;
  }
  k(e) {
    ue(this._$AH) || (this._$AH = [], this._$AR());
    const t = this._$AH;
    let s, n = 0;
    for (const i of e) n === t.length ? t.push(s = new L(this.O(M()), this.O(M()), this, this.options)) : s = t[n], s._$AI(i), n++;
    n < t.length && (this._$AR(s && s._$AB.nextSibling, n), t.length = n);
  }
  _$AR(e = this._$AA.nextSibling, t) {
    for (this._$AP?.(!1, !0, t); e !== this._$AB; ) {
      const s = Ce(e).nextSibling;
      Ce(e).remove(), e = s;
    }
  }
  setConnected(e) {
    this._$AM === void 0 && (this._$Cv = e, this._$AP?.(e));
  }
}
class X {
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
    let a = !1;
    if (i === void 0) e = O(this, e, t, 0), a = !R(e) || e !== this._$AH && e !== m, a && (this._$AH = e);
    else {
      const o = e;
      let d, h;
      for (e = i[0], d = 0; d < i.length - 1; d++) h = O(this, o[s + d], t, d), h === m && (h = this._$AH[d]), a ||= !R(h) || h !== this._$AH[d], h === l ? e = l : e !== l && (e += (h ?? "") + i[d + 1]), this._$AH[d] = h;
    }
    a && !n && this.j(e);
  }
  j(e) {
    e === l ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, e ?? "");
  }
}
class ht extends X {
  constructor() {
    super(...arguments), this.type = 3;
  }
  j(e) {
    this.element[this.name] = e === l ? void 0 : e;
  }
}
class ut extends X {
  constructor() {
    super(...arguments), this.type = 4;
  }
  j(e) {
    this.element.toggleAttribute(this.name, !!e && e !== l);
  }
}
class pt extends X {
  constructor(e, t, s, n, i) {
    super(e, t, s, n, i), this.type = 5;
  }
  _$AI(e, t = this) {
    if ((e = O(this, e, t, 0) ?? l) === m) return;
    const s = this._$AH, n = e === l && s !== l || e.capture !== s.capture || e.once !== s.once || e.passive !== s.passive, i = e !== l && (s === l || n);
    n && this.element.removeEventListener(this.name, this, s), i && this.element.addEventListener(this.name, this, e), this._$AH = e;
  }
  handleEvent(e) {
    typeof this._$AH == "function" ? this._$AH.call(this.options?.host ?? this.element, e) : this._$AH.handleEvent(e);
  }
}
class gt {
  constructor(e, t, s) {
    this.element = e, this.type = 6, this._$AN = void 0, this._$AM = t, this.options = s;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AI(e) {
    O(this, e);
  }
}
const ft = he.litHtmlPolyfillSupport;
ft?.(j, L), (he.litHtmlVersions ??= []).push("3.3.3");
const mt = (r, e, t) => {
  const s = t?.renderBefore ?? e;
  let n = s._$litPart$;
  if (n === void 0) {
    const i = t?.renderBefore ?? null;
    s._$litPart$ = n = new L(e.insertBefore(M(), i), i, void 0, t ?? {});
  }
  return n._$AI(r), n;
};
const pe = globalThis;
let x = class extends T {
  constructor() {
    super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
  }
  createRenderRoot() {
    const e = super.createRenderRoot();
    return this.renderOptions.renderBefore ??= e.firstChild, e;
  }
  update(e) {
    const t = this.render();
    this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(e), this._$Do = mt(t, this.renderRoot, this.renderOptions);
  }
  connectedCallback() {
    super.connectedCallback(), this._$Do?.setConnected(!0);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), this._$Do?.setConnected(!1);
  }
  render() {
    return m;
  }
};
x._$litElement$ = !0, x.finalized = !0, pe.litElementHydrateSupport?.({ LitElement: x });
const vt = pe.litElementPolyfillSupport;
vt?.({ LitElement: x });
(pe.litElementVersions ??= []).push("4.2.2");
const $t = { attribute: !0, type: String, converter: q, reflect: !1, hasChanged: le }, yt = (r = $t, e, t) => {
  const { kind: s, metadata: n } = t;
  let i = globalThis.litPropertyMetadata.get(n);
  if (i === void 0 && globalThis.litPropertyMetadata.set(n, i = /* @__PURE__ */ new Map()), s === "setter" && ((r = Object.create(r)).wrapped = !0), i.set(t.name, r), s === "accessor") {
    const { name: a } = t;
    return { set(o) {
      const d = e.get.call(this);
      e.set.call(this, o), this.requestUpdate(a, d, r, !0, o);
    }, init(o) {
      return o !== void 0 && this.C(a, void 0, r, o), o;
    } };
  }
  if (s === "setter") {
    const { name: a } = t;
    return function(o) {
      const d = this[a];
      e.call(this, o), this.requestUpdate(a, d, r, !0, o);
    };
  }
  throw Error("Unsupported decorator location: " + s);
};
function S(r) {
  return (e, t) => typeof t == "object" ? yt(r, e, t) : ((s, n, i) => {
    const a = n.hasOwnProperty(i);
    return n.constructor.createProperty(i, s), a ? Object.getOwnPropertyDescriptor(n, i) : void 0;
  })(r, e, t);
}
function E(r) {
  return S({ ...r, state: !0, attribute: !1 });
}
const bt = {
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
  "grades.description": "De seneste karakterer og gennemsnittene.",
  "grades.title": "Karakterer",
  "grades.what": "karakterer",
  "grades.latest": "Seneste karakter",
  "grades.recent": "Seneste karakterer",
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
  "editor.grades": "Viste karakterer",
  "panel.students": "Elever",
  "panel.nothing": "Schoolbag har endnu intet at vise for {name}."
}, Z = {
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
  "grades.description": "The latest grades and the averages.",
  "grades.title": "Grades",
  "grades.what": "grades",
  "grades.latest": "Latest grade",
  "grades.recent": "Latest grades",
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
  "editor.grades": "Grades shown",
  "panel.students": "Students",
  "panel.nothing": "Schoolbag has nothing to show for {name} yet."
}, _t = {
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
  "grades.description": "Les dernières notes et les moyennes.",
  "grades.title": "Notes",
  "grades.what": "notes",
  "grades.latest": "Dernière note",
  "grades.recent": "Dernières notes",
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
  "editor.grades": "Notes affichées",
  "panel.students": "Élèves",
  "panel.nothing": "Schoolbag n'a encore rien à montrer pour {name}."
}, wt = { en: Z, fr: _t, da: bt };
function B(r) {
  return r.locale?.language || r.language || "en";
}
function $(r, e, t = {}) {
  return (wt[B(r).slice(0, 2).toLowerCase()] ?? Z)[e].replace(/\{(\w+)\}/g, (n, i) => t[i] ?? "");
}
const Be = "schoolbag";
function ge(r, e) {
  const t = r.devices[e];
  return t?.name_by_user || t?.name || e;
}
function fe(r) {
  const e = /* @__PURE__ */ new Set();
  for (const t of Object.values(r.entities))
    t.platform === Be && t.device_id && r.devices[t.device_id] && e.add(t.device_id);
  return [...e].map((t) => ({ deviceId: t, name: ge(r, t) })).sort((t, s) => t.name.localeCompare(s.name));
}
function me(r, e, t, s) {
  return Object.values(r.entities).filter(
    (n) => n.platform === Be && n.device_id === e && n.translation_key === s && n.entity_id.startsWith(`${t}.`)
  ).map((n) => n.entity_id).sort();
}
function Q(r, e, t, s) {
  return me(r, e, t, s)[0];
}
function xt(r, e, t) {
  const s = String(r.states[e]?.attributes.friendly_name ?? e), n = `${ge(r, t)} `;
  return s.startsWith(n) ? s.slice(n.length) : s;
}
var At = Object.defineProperty, Fe = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, a; i >= 0; i--)
    (a = r[i]) && (n = a(e, t, n) || n);
  return n && At(e, t, n), n;
};
class F extends x {
  static getConfigElement() {
    return document.createElement("schoolbag-card-editor");
  }
  /** A new card shows the first student. */
  static getStubConfig(e) {
    const t = fe(e)[0];
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
    return this.hass ? $(this.hass, e, t) : e;
  }
  header(e) {
    const t = this.deviceId;
    return c`<div class="header">
      <span class="title">${e}</span>
      <span class="student">${this.hass && t ? ge(this.hass, t) : ""}</span>
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
Fe([
  S({ attribute: !1 })
], F.prototype, "hass");
Fe([
  S({ attribute: !1 })
], F.prototype, "config");
function K(r) {
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
function We(r, e) {
  return r.length === 10 ? r : J(new Date(r), e);
}
function kt(r) {
  const e = r.locale?.time_format;
  if (e === "12" || e === "24")
    return e === "12";
  const t = e === "system" ? void 0 : B(r);
  return (/* @__PURE__ */ new Date("January 1, 2023 22:00:00")).toLocaleString(t).includes("10");
}
function Ie(r, e) {
  return new Intl.DateTimeFormat(B(r), {
    timeZone: K(r),
    hour: "numeric",
    minute: "2-digit",
    hourCycle: kt(r) ? "h12" : "h23"
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
function U(r, e) {
  return new Intl.NumberFormat(B(r), { maximumFractionDigits: 2 }).format(e);
}
const ve = D`
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
`, St = ["changed", "cancelled", "exam", "exempted"], Et = {
  cancelled: ["cancelled", "annulé", "aflyst"],
  changed: ["changed", "modifié", "ændret"],
  exam: ["exam", "examen", "eksamen"],
  exempted: ["exempted", "dispensé", "fritaget"]
};
function Ct(r, e) {
  if (e === "normal")
    return r;
  for (const t of Et[e]) {
    const s = ` (${t})`;
    if (r.endsWith(s) && r.length > s.length)
      return r.slice(0, -s.length);
  }
  return r;
}
function Tt(r) {
  const e = /* @__PURE__ */ new Map(), t = r?.lesson_status;
  if (t && typeof t == "object")
    for (const [s, n] of Object.entries(t))
      St.includes(n) && e.set(s, n);
  return e;
}
function Ot(r, e, t) {
  return r.map((s, n) => {
    const i = s.start.dateTime === void 0, a = s.start.dateTime ?? s.start.date ?? "", o = s.uid ?? `event-${n}`, d = e.get(o) ?? "normal";
    return {
      uid: o,
      // The card shows the status as its own badge, in the user's language.
      summary: Ct(s.summary, d),
      start: a,
      end: s.end.dateTime ?? s.end.date ?? a,
      allDay: i,
      day: We(a, t),
      location: s.location ?? "",
      details: (s.description ?? "").split(`
`).filter((h) => h.trim()),
      status: d
    };
  }).sort((s, n) => Number(n.allDay) - Number(s.allDay) || Date.parse(s.start) - Date.parse(n.start));
}
function Pt(r, e, t) {
  const s = (o) => r.filter((d) => d.day === o);
  if (s(t).filter(
    (o) => !o.allDay && o.status !== "cancelled"
  ).some((o) => Date.parse(o.end) > e.getTime()))
    return { day: t, lessons: s(t) };
  const a = r.map((o) => o.day).filter((o) => o > t).sort()[0] ?? ee(t, 1);
  return { day: a, lessons: s(a) };
}
var Dt = Object.defineProperty, Ve = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, a; i >= 0; i--)
    (a = r[i]) && (n = a(e, t, n) || n);
  return n && Dt(e, t, n), n;
};
const Nt = 8, ne = 6e4, ye = class ye extends F {
  connectedCallback() {
    super.connectedCallback(), this.timer = setInterval(() => this.requestUpdate(), ne);
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
    const n = t.states[s], i = J(/* @__PURE__ */ new Date(), K(t)), a = this.fetchedFor;
    a?.entityId === s && a.stateObj === n && a.today === i || (this.fetchedFor = { entityId: s, stateObj: n, today: i }, this.fetchEvents(s));
  }
  async fetchEvents(e) {
    const t = Date.now(), s = new Date(t - 1440 * ne).toISOString(), n = new Date(t + Nt * 24 * 60 * ne).toISOString(), i = `calendars/${e}?start=${encodeURIComponent(s)}&end=${encodeURIComponent(n)}`;
    try {
      this.events = await this.hass.callApi("GET", i), this.error = void 0;
    } catch (a) {
      this.error = a instanceof Error ? a.message : String(a?.body ?? a);
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
    const s = K(e), n = /* @__PURE__ */ new Date(), i = J(n, s), a = Ot(this.events ?? [], Tt(e.states[t]?.attributes), s), o = Pt(a, n, i), d = o.day === i ? this.t("day.today") : o.day === ee(i, 1) ? this.t("day.tomorrow") : ie(e, o.day);
    return c`${this.header(d)}
      <div class="secondary">${ie(e, o.day)}</div>
      ${this.events === void 0 ? l : o.lessons.length === 0 ? this.message(this.t("day.none")) : c`<ul>
              ${o.lessons.map((h) => this.lesson(h))}
            </ul>`}`;
  }
  lesson(e) {
    const t = this.hass, s = [e.location, ...e.details].filter(Boolean).join(" · ");
    return c`<li class="lesson ${e.status}" data-uid=${e.uid}>
      <div class="time">
        ${e.allDay ? l : c`${Ie(t, e.start)}<br />${Ie(t, e.end)}`}
      </div>
      <div class="main">
        <div class="subject">${e.summary}</div>
        ${s ? c`<div class="secondary">${s}</div>` : l}
      </div>
      ${e.status === "normal" ? l : c`<span class="badge ${e.status}">${this.t(`status.${e.status}`)}</span>`}
    </li>`;
  }
};
ye.styles = [
  ve,
  D`
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
let z = ye;
Ve([
  E()
], z.prototype, "events");
Ve([
  E()
], z.prototype, "error");
const C = { ATTRIBUTE: 1, PROPERTY: 3, BOOLEAN_ATTRIBUTE: 4 }, Ut = (r) => (...e) => ({ _$litDirective$: r, values: e });
class It {
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
const Mt = (r) => r.strings === void 0, Rt = {}, jt = (r, e = Rt) => r._$AH = e;
const zt = Ut(class extends It {
  constructor(r) {
    if (super(r), r.type !== C.PROPERTY && r.type !== C.ATTRIBUTE && r.type !== C.BOOLEAN_ATTRIBUTE) throw Error("The `live` directive is not allowed on child or event bindings");
    if (!Mt(r)) throw Error("`live` bindings can only contain a single expression");
  }
  render(r) {
    return r;
  }
  update(r, [e]) {
    if (e === m || e === l) return e;
    const t = r.element, s = r.name;
    if (r.type === C.PROPERTY) {
      if (e === t[s]) return m;
    } else if (r.type === C.BOOLEAN_ATTRIBUTE) {
      if (!!e === t.hasAttribute(s)) return m;
    } else if (r.type === C.ATTRIBUTE && t.getAttribute(s) === e + "") return m;
    return jt(r), e;
  }
});
function Ht(r, e, t, s) {
  const n = ee(e, t - 1), i = /* @__PURE__ */ new Map();
  for (const a of r) {
    if (!a.due)
      continue;
    const o = We(a.due, s);
    o >= e && o <= n && i.set(o, [...i.get(o) ?? [], a]);
  }
  return [...i.keys()].sort().map((a) => ({ day: a, items: i.get(a) }));
}
var Lt = Object.defineProperty, $e = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, a; i >= 0; i--)
    (a = r[i]) && (n = a(e, t, n) || n);
  return n && Lt(e, t, n), n;
};
const qe = 7, be = class be extends F {
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
      const a = i instanceof Error ? i.message : String(i?.message ?? i);
      this.refused = new Map([...this.refused, [e.uid, a]]);
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
    const t = K(e), s = J(/* @__PURE__ */ new Date(), t), n = Ht(this.items, s, this.config?.days ?? qe, t);
    return c`${this.header(this.t("homework.title"))}
      ${n.length === 0 ? this.message(this.t("homework.none")) : n.map(
      ({ day: i, items: a }) => c`<h3>${this.dayTitle(i, s)}</h3>
              <ul>
                ${a.map((o) => this.item(o))}
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
        .checked=${zt(s ?? t)}
        ?disabled=${n}
        aria-label=${e.summary}
        @change=${(a) => {
      this.tick(e, a.target.checked);
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
be.styles = [
  ve,
  D`
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
let P = be;
$e([
  E()
], P.prototype, "items");
$e([
  E()
], P.prototype, "sending");
$e([
  E()
], P.prototype, "refused");
function g(r) {
  const e = typeof r == "number" ? r : Number.parseFloat(String(r));
  return Number.isFinite(e) ? e : null;
}
function f(r) {
  return r == null ? "" : String(r);
}
function Bt(r) {
  const e = r?.attributes;
  return !r || !e || e.subject === void 0 ? null : {
    subject: f(e.subject),
    title: f(e.title),
    date: f(e.date),
    value: g(e.value ?? r.state),
    outOf: g(e.out_of),
    mark: e.mark ? f(e.mark) : null,
    raw: f(e.raw),
    coefficient: g(e.coefficient),
    classAverage: g(e.class_average)
  };
}
function Ft(r) {
  if (!r || typeof r != "object")
    return null;
  const e = r;
  return {
    subject: f(e.subject),
    title: f(e.title),
    date: f(e.date),
    value: g(e.value),
    outOf: g(e.out_of),
    mark: e.mark ? f(e.mark) : null,
    raw: "",
    coefficient: g(e.coefficient),
    classAverage: g(e.class_average)
  };
}
function Wt(r, e) {
  const t = r?.attributes.recent;
  return Array.isArray(t) ? t.map(Ft).filter((s) => s !== null).slice(0, e) : null;
}
function Vt(r, e, t, s) {
  if (s === "overall_average")
    return $(r, "grades.overall");
  const n = xt(r, e, t), i = s === "period_average" ? "period" : "unit", a = f(r.states[e]?.attributes[i]).trim();
  return a ? s === "period_average" ? $(r, "grades.period_average", { period: a }) : $(r, "grades.ue_average", { unit: a }) : n;
}
function qt(r, e, t, s) {
  const n = r.states[e];
  return {
    entityId: e,
    name: Vt(r, e, t, s),
    value: g(n?.state),
    outOf: g(n?.attributes.out_of),
    classAverage: g(n?.attributes.class_average)
  };
}
function Gt(r, e) {
  return ["overall_average", "period_average", "ue_average"].flatMap(
    (s) => me(r, e, "sensor", s).filter((n) => r.states[n]).map((n) => qt(r, n, e, s))
  );
}
function Zt(r, e) {
  return Q(r, e, "sensor", "latest_grade");
}
const Kt = ["absent", "exempt", "not_graded", "pending", "other"], Jt = 5, ae = 10;
function Ge(r) {
  const e = typeof r == "number" ? r : Number.parseInt(String(r ?? ""), 10);
  return Number.isInteger(e) ? Math.min(Math.max(e, 1), ae) : Jt;
}
const _e = class _e extends F {
  content(e, t) {
    const s = Zt(e, t), n = Gt(e, t);
    if (!s && n.length === 0)
      return this.message(this.t("card.missing", { what: this.t("grades.what") }));
    const i = s ? e.states[s] : void 0, a = Wt(i, Ge(this.config?.grades)), o = a === null ? Bt(i) : null;
    let d;
    return a?.length ? d = this.recent(a) : o ? d = this.latest(o) : d = this.message(this.t("grades.none")), c`${this.header(this.t("grades.title"))} ${d}
      ${n.length ? c`<ul>${n.map((h) => this.average(h))}</ul>` : l}`;
  }
  score(e, t, s = "–") {
    if (e === null)
      return c`${s}`;
    const n = U(this.hass, e);
    return t === null ? c`${n}` : c`${n}<span class="scale">/${U(this.hass, t)}</span>`;
  }
  markText(e) {
    return e.mark && Kt.includes(e.mark) ? this.t(`mark.${e.mark}`) : e.raw || "–";
  }
  /** The evaluation's title, the class average and a coefficient other than 1. */
  details(e) {
    return [
      e.title,
      e.classAverage === null ? "" : this.t("grades.class_average", { value: U(this.hass, e.classAverage) }),
      e.coefficient === null || e.coefficient === 1 ? "" : this.t("grades.coefficient", { value: U(this.hass, e.coefficient) })
    ].filter(Boolean);
  }
  recent(e) {
    const t = e.findIndex((s) => s.value !== null);
    return c`<div class="recent">
      <div class="secondary">${this.t("grades.recent")}</div>
      <ul>
        ${e.map((s, n) => {
      const i = this.details(s);
      return c`<li class="grade ${n === t ? "latest" : ""}">
            <div class="main">
              <div class="subject">${s.subject}</div>
              ${i.length ? c`<div class="secondary">${i.join(" · ")}</div>` : l}
            </div>
            <span class="figure value ${s.value === null ? "mark" : ""}"
              >${this.score(s.value, s.outOf, this.markText(s))}</span
            >
          </li>`;
    })}
      </ul>
    </div>`;
  }
  latest(e) {
    const t = this.details(e);
    return c`<div class="latest">
      <span class="value">${this.score(e.value, e.outOf, this.markText(e))}</span>
      <div class="main">
        <div class="secondary">${this.t("grades.latest")}</div>
        <div class="subject">${e.subject}</div>
        ${t.length ? c`<div class="secondary">${t.join(" · ")}</div>` : l}
      </div>
    </div>`;
  }
  average(e) {
    return c`<li class="row" data-entity=${e.entityId}>
      <span>${e.name}</span>
      <span class="figure">
        ${this.score(e.value, e.outOf)}
        ${e.classAverage === null ? l : c`<div class="secondary">
              ${this.t("grades.class_average", { value: U(this.hass, e.classAverage) })}
            </div>`}
      </span>
    </li>`;
  }
};
_e.styles = [
  ve,
  D`
      div.latest {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 4px 0 12px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      div.latest .value {
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
      .recent {
        padding-bottom: 6px;
        border-bottom: 1px solid var(--divider-color, rgba(0, 0, 0, 0.12));
      }
      .grade {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 0;
      }
      .grade .figure {
        flex: none;
        max-width: 40%;
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-size: var(--ha-font-size-l, 16px);
        color: var(--primary-color, #03a9f4);
        overflow-wrap: normal;
      }
      .grade .figure.mark {
        font-size: var(--ha-font-size-m, 14px);
        color: var(--secondary-text-color, #727272);
      }
    `
];
let oe = _e;
var Yt = Object.defineProperty, Ze = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, a; i >= 0; i--)
    (a = r[i]) && (n = a(e, t, n) || n);
  return n && Yt(e, t, n), n;
};
const we = class we extends x {
  setConfig(e) {
    this.config = e;
  }
  t(e) {
    return this.hass ? $(this.hass, e) : e;
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
    const e = fe(this.hass);
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
          </label>` : l}
      ${this.config.type.endsWith("schoolbag-grades-card") ? c`<label>
            ${this.t("editor.grades")}
            <input
              name="grades"
              type="number"
              min="1"
              max=${ae}
              .value=${String(Ge(this.config.grades))}
              @change=${(s) => {
      const n = Number(s.target.value);
      Number.isInteger(n) && n >= 1 && n <= ae && this.change({ grades: n });
    }}
            />
          </label>` : l}`;
  }
};
we.styles = D`
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
let H = we;
Ze([
  S({ attribute: !1 })
], H.prototype, "hass");
Ze([
  E()
], H.prototype, "config");
const Xt = D`
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
function Qt(r, e) {
  const t = (n, i) => me(r, e, n, i).length > 0, s = [];
  return t("calendar", "timetable") && s.push({ type: "custom:schoolbag-day-card", device_id: e }), t("todo", "homework") && s.push({ type: "custom:schoolbag-homework-card", device_id: e }), (Q(r, e, "sensor", "latest_grade") || t("sensor", "overall_average") || t("sensor", "period_average") || t("sensor", "ue_average")) && s.push({ type: "custom:schoolbag-grades-card", device_id: e }), s;
}
function es(r, e) {
  const t = r.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "student";
  let s = t;
  for (let n = 2; e.has(s); n++)
    s = `${t}-${n}`;
  return e.add(s), s;
}
function Ke(r) {
  const e = /* @__PURE__ */ new Set();
  return fe(r).map(({ deviceId: t, name: s }) => ({
    deviceId: t,
    name: s,
    path: es(s, e),
    cards: Qt(r, t)
  }));
}
var ts = Object.defineProperty, te = (r, e, t, s) => {
  for (var n = void 0, i = r.length - 1, a; i >= 0; i--)
    (a = r[i]) && (n = a(e, t, n) || n);
  return n && ts(e, t, n), n;
};
function ss(r) {
  const e = document.createElement(r.type.replace(/^custom:/, ""));
  return e.setConfig?.(r), e;
}
const Me = () => decodeURIComponent(window.location.hash.slice(1)), xe = class xe extends x {
  constructor() {
    super(...arguments), this.narrow = !1, this.selected = Me(), this.views = [], this.cards = [], this.cardsFrom = "", this.onHashChange = () => {
      this.selected = Me();
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
    (this.viewsFrom?.[0] !== e.entities || this.viewsFrom[1] !== e.devices) && (this.views = Ke(e), this.viewsFrom = [e.entities, e.devices]);
    const t = this.current?.cards ?? [], s = JSON.stringify(t);
    s !== this.cardsFrom && (this.cards = t.map(ss), this.cardsFrom = s);
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
        ${this.views.length ? c`<div class="tabs" role="tablist" aria-label=${$(e, "panel.students")}>
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
    return t ? this.cards.length === 0 ? this.message($(e, "panel.nothing", { name: t.name })) : c`<div class="columns">${this.cards}</div>` : this.message($(e, "editor.no_students"));
  }
  message(e) {
    return c`<ha-card><div class="message">${e}</div></ha-card>`;
  }
};
xe.styles = Xt;
let k = xe;
te([
  S({ attribute: !1 })
], k.prototype, "hass");
te([
  S({ type: Boolean, reflect: !0 })
], k.prototype, "narrow");
te([
  S({ attribute: !1 })
], k.prototype, "panel");
te([
  E()
], k.prototype, "selected");
function rs(r) {
  const e = Ke(r).map(({ name: t, path: s, cards: n }) => ({ title: t, path: s, cards: n }));
  return e.length === 0 && e.push({
    title: "Schoolbag",
    path: "schoolbag",
    cards: [{ type: "markdown", content: $(r, "editor.no_students") }]
  }), { title: "Schoolbag", views: e };
}
class ns extends HTMLElement {
  static async generate(e, t) {
    return rs(t);
  }
}
const is = "https://github.com/schoolbag-ha/schoolbag#dashboard", as = [
  ["schoolbag-day-card", z, "day"],
  ["schoolbag-homework-card", P, "homework"],
  ["schoolbag-grades-card", oe, "grades"]
];
function se(r, e) {
  customElements.get(r) || customElements.define(r, e);
}
se("schoolbag-card-editor", H);
se("schoolbag-panel", k);
se("ll-strategy-dashboard-schoolbag", ns);
window.customCards = window.customCards ?? [];
for (const [r, e, t] of as)
  se(r, e), window.customCards.some((s) => s.type === r) || window.customCards.push({
    type: r,
    name: Z[`${t}.name`],
    description: Z[`${t}.description`],
    preview: !0,
    documentationURL: is
  });
