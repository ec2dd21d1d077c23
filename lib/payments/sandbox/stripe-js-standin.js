/*
 * Refill's Stripe.js stand-in, served by the offline Stripe sandbox at /js/v3.js.
 * It defines window.Stripe with what @stripe/stripe-js and @stripe/react-stripe-js use, talks to
 * the sandbox that served it (read from document.currentScript.src) with the publishable key and
 * the intent's client secret, and shows the 3-D Secure test challenge as an inline modal.
 * Payment failures never throw: they resolve to {error}. A plain browser script, no build step.
 */
(function () {
  "use strict";
  if (typeof window === "undefined" || (window.Stripe && window.Stripe.__refillSandbox)) return;

  const API_BASE = (function () {
    const script = document.currentScript || document.querySelector('script[src$="/js/v3.js"]');
    try {
      return new URL(script.src).origin;
    } catch {
      return "http://127.0.0.1:12111";
    }
  })();

  // ---------------------------------------------------------------- HTTP
  function encodeForm(params, prefix, pairs) {
    pairs = pairs || [];
    Object.keys(params).forEach(function (key) {
      const value = params[key];
      const name = prefix ? prefix + "[" + key + "]" : key;
      if (value === undefined || value === null) return;
      if (typeof value === "object") encodeForm(value, name, pairs);
      else pairs.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(value)));
    });
    return pairs.join("&");
  }

  // The key travels as a parameter, like Stripe.js: a form POST needs no CORS preflight.
  async function api(method, path, params) {
    const body = encodeForm(params);
    const url = API_BASE + path + (method === "GET" ? "?" + body : "");
    try {
      const response = await fetch(url, {
        method: method,
        headers: method === "GET" ? {} : { "Content-Type": "application/x-www-form-urlencoded" },
        body: method === "GET" ? undefined : body,
      });
      const json = await response.json();
      return response.ok ? { data: json } : { error: toError(json.error || {}) };
    } catch {
      return { error: { type: "api_connection_error", message: "Could not reach the Stripe sandbox at " + API_BASE + "." } };
    }
  }

  function toError(raw, intent) {
    const error = { type: raw.type || "api_error", message: raw.message || "Something went wrong." };
    ["code", "decline_code", "param", "doc_url", "charge", "payment_method", "payment_intent", "setup_intent"].forEach(function (key) {
      if (raw[key] !== undefined) error[key] = raw[key];
    });
    if (intent) error[intent.object] = intent;
    return error;
  }

  function intentIdFrom(secret) {
    const index = typeof secret === "string" ? secret.indexOf("_secret_") : -1;
    return index > 0 ? secret.slice(0, index) : null;
  }

  // ---------------------------------------------------------------- card data
  function luhn(number) {
    let sum = 0;
    for (let i = 0; i < number.length; i++) {
      let digit = Number(number[number.length - 1 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    return sum % 10 === 0;
  }

  function brandOf(number) {
    if (/^4/.test(number)) return "visa";
    if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
    if (/^3[47]/.test(number)) return "amex";
    if (/^(6011|65)/.test(number)) return "discover";
    return "unknown";
  }

  const formatters = {
    number: function (value) {
      const digits = value.replace(/\D/g, "").slice(0, brandOf(value.replace(/\D/g, "")) === "amex" ? 15 : 19);
      if (brandOf(digits) === "amex") return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].filter(Boolean).join(" ");
      return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
    },
    expiry: function (value) {
      let digits = value.replace(/\D/g, "");
      if (digits.length >= 6 && digits.slice(2, 4) === "20") digits = digits.slice(0, 2) + digits.slice(4); // "12 / 2030"
      if (digits.length === 1 && Number(digits) > 1) digits = "0" + digits;
      digits = digits.slice(0, 4);
      return digits.length > 2 ? digits.slice(0, 2) + " / " + digits.slice(2) : digits;
    },
    cvc: function (value, number) {
      return value.replace(/\D/g, "").slice(0, brandOf(number) === "amex" ? 4 : 3);
    },
    postal: function (value) {
      return value.toUpperCase().slice(0, 10);
    },
  };

  function fail(code, message) {
    return { type: "validation_error", code: code, message: message };
  }

  /** Each field's problem: `incomplete` ones are shown only once the field was left. */
  function validateFields(values, showPostal) {
    const number = values.number.replace(/\D/g, "");
    const problems = {};
    const expectedLength = brandOf(number) === "amex" ? 15 : 16;
    if (number.length < expectedLength) problems.number = { incomplete: true, error: fail("incomplete_number", "Your card number is incomplete.") };
    else if (!luhn(number)) problems.number = { error: fail("incorrect_number", "Your card number is invalid.") };
    const expiry = values.expiry.replace(/\D/g, "");
    if (expiry.length < 4) problems.expiry = { incomplete: true, error: fail("incomplete_expiry", "Your card's expiration date is incomplete.") };
    else {
      const month = Number(expiry.slice(0, 2));
      const year = 2000 + Number(expiry.slice(2, 4));
      const now = new Date();
      if (month < 1 || month > 12) problems.expiry = { error: fail("invalid_expiry_month", "Your card's expiration month is invalid.") };
      else if (year < now.getFullYear()) problems.expiry = { error: fail("invalid_expiry_year_past", "Your card's expiration year is in the past.") };
      else if (year === now.getFullYear() && month < now.getMonth() + 1) {
        problems.expiry = { error: fail("invalid_expiry_month_past", "Your card's expiration date is in the past.") };
      }
    }
    const cvcLength = brandOf(number) === "amex" ? 4 : 3;
    if (values.cvc.length < cvcLength) problems.cvc = { incomplete: true, error: fail("incomplete_cvc", "Your card's security code is incomplete.") };
    if (showPostal && !values.postal.trim()) problems.postal = { incomplete: true, error: fail("incomplete_zip", "Your postal code is incomplete.") };
    return problems;
  }

  // ---------------------------------------------------------------- elements
  const FIELDS = [
    { key: "number", name: "cardnumber", label: "Card number", placeholder: "1234 1234 1234 1234", autocomplete: "cc-number" },
    { key: "expiry", name: "exp-date", label: "Expiration date (MM / YY)", short: "Expiration", placeholder: "MM / YY", autocomplete: "cc-exp" },
    { key: "cvc", name: "cvc", label: "Security code (CVC)", short: "CVC", placeholder: "CVC", autocomplete: "cc-csc" },
    { key: "postal", name: "postal", label: "ZIP / Postal code", short: "ZIP", placeholder: "ZIP", autocomplete: "postal-code" },
  ];
  const COLORS = { border: "#d1d5db", focus: "#2563eb", invalid: "#dc2626", text: "#111827", muted: "#6b7280" };

  function css(node, styles) {
    Object.keys(styles).forEach(function (key) {
      node.style[key] = styles[key];
    });
    return node;
  }

  function make(tag, styles, attributes) {
    const node = css(document.createElement(tag), styles || {});
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function showsPostal(type, options) {
    if (type === "card") return !options.hidePostalCode;
    const address = options.fields && options.fields.billingDetails && options.fields.billingDetails.address;
    return !(address === "never" || (address && address.postalCode === "never"));
  }

  /** Stripe.js marks the mount node with StripeElement--focus/--invalid/--complete/--empty classes. */
  function setClass(node, name, on) {
    if (!node || !name) return;
    const names = String(node.className || "").split(/\s+/).filter(function (n) { return n && n !== name; });
    if (on) names.push(name);
    node.className = names.join(" ");
  }

  function hasFrame(node) {
    try {
      const style = window.getComputedStyle(node);
      return parseFloat(style.borderTopWidth) > 0 || (style.boxShadow && style.boxShadow !== "none") || parseFloat(style.paddingTop) > 0;
    } catch {
      return false;
    }
  }

  function createCardElement(group, type, initialOptions) {
    const listeners = {};
    let options = Object.assign({}, initialOptions);
    let root = null;
    let inputs = {};
    let errorLine = null;
    let ready = false;
    let destroyed = false;
    let focused = false;
    let showBrand = null;
    let container = null;
    let ownFrame = false;
    const classNames = Object.assign(
      { base: "StripeElement", focus: "StripeElement--focus", invalid: "StripeElement--invalid", complete: "StripeElement--complete", empty: "StripeElement--empty" },
      options.classes,
    );
    const values = { number: "", expiry: "", cvc: "", postal: (options.value && options.value.postalCode) || "" };
    const left = {};

    function emit(event, payload) {
      (listeners[event] || []).slice().forEach(function (handler) {
        handler(payload);
      });
    }

    function currentError(problems, all) {
      for (const field of FIELDS) {
        const problem = problems[field.key];
        if (problem && (!problem.incomplete || all || left[field.key])) return { field: field.key, error: problem.error };
      }
      return null;
    }

    function paint(current) {
      if (!root) return;
      const problem = current.problem;
      const invalidField = problem ? problem.field : null;
      FIELDS.forEach(function (field) {
        const input = inputs[field.key];
        if (!input) return;
        input.setAttribute("aria-invalid", String(invalidField === field.key));
        css(input, { color: invalidField === field.key ? COLORS.invalid : (options.style && options.style.base && options.style.base.color) || COLORS.text });
        if (type === "payment") css(input, { borderColor: invalidField === field.key ? COLORS.invalid : COLORS.border });
      });
      if (type === "card" && ownFrame) {
        css(root, { borderColor: problem ? COLORS.invalid : focused ? COLORS.focus : COLORS.border, boxShadow: focused ? "0 0 0 3px rgba(37, 99, 235, .18)" : "none" });
      }
      if (errorLine) errorLine.textContent = problem ? problem.error.message : "";
      setClass(container, classNames.focus, focused);
      setClass(container, classNames.invalid, Boolean(problem));
      setClass(container, classNames.complete, current.complete);
      setClass(container, classNames.empty, isEmpty());
    }

    function isEmpty() {
      return !values.number && !values.expiry && !values.cvc && !(showsPostal(type, options) && values.postal);
    }

    function state(all) {
      const problems = validateFields(values, showsPostal(type, options));
      const problem = currentError(problems, all);
      return { problems: problems, problem: problem, complete: Object.keys(problems).length === 0 };
    }

    function emitChange() {
      const current = state(false);
      paint(current);
      const number = values.number.replace(/\D/g, "");
      const payload = {
        elementType: type,
        empty: isEmpty(),
        complete: current.complete,
        error: current.problem ? current.problem.error : undefined,
        brand: brandOf(number),
        value: type === "payment" ? { type: "card" } : { postalCode: values.postal },
      };
      if (type === "payment") payload.collapsed = false;
      if (showBrand) showBrand(payload.brand);
      emit("change", payload);
    }

    function buildInput(field) {
      // Focus shows on the frame this element draws; in a page's frame, the browser's own ring stays.
      const input = make("input", {
        border: "0",
        outline: type === "payment" || ownFrame ? "none" : "",
        background: "transparent",
        font: "inherit",
        fontSize: (options.style && options.style.base && options.style.base.fontSize) || "16px",
        color: COLORS.text,
        padding: "0",
        margin: "0",
        minWidth: "0",
        width: "100%",
      }, {
        name: field.name,
        "aria-label": field.label,
        placeholder: field.placeholder,
        autocomplete: field.autocomplete,
        inputmode: field.key === "postal" ? "text" : "numeric",
        type: "text",
        spellcheck: "false",
      });
      input.value = values[field.key];
      input.disabled = Boolean(options.disabled);
      input.addEventListener("input", function () {
        const formatted = formatters[field.key](input.value, values.number.replace(/\D/g, ""));
        input.value = formatted;
        values[field.key] = formatted;
        emitChange();
      });
      input.addEventListener("focus", function () {
        focused = true;
        emit("focus", { elementType: type });
        paint(state(false));
        if (type === "payment") css(input, { borderColor: COLORS.focus, boxShadow: "0 0 0 3px rgba(37, 99, 235, .18)" });
      });
      input.addEventListener("blur", function () {
        focused = false;
        left[field.key] = true;
        css(input, { boxShadow: "none" });
        emit("blur", { elementType: type });
        emitChange();
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") emit("escape", { elementType: type });
      });
      inputs[field.key] = input;
      return input;
    }

    // Like Stripe's iframe, the card Element draws no frame when the page frames its container
    // (border, ring, padding); mounted in a bare container, it draws its own.
    // Each part keeps the width of what it holds: the number always shows 19 characters
    // ("4242 4242 4242 4242"), and where one line is too narrow for all of it (a phone, a
    // dialog), expiry, CVC and postal code wrap under the number instead of squeezing it.
    const CARD_PART = {
      number: { flex: "1 1 calc(19ch + 2px)", minWidth: "calc(19ch + 2px)" },
      expiry: { flex: "1 1 5.2em", minWidth: "4.6em" },
      cvc: { flex: "1 1 3.6em", minWidth: "3em" },
      postal: { flex: "1 1 6.4em", minWidth: "5.6em" },
    };
    function renderCard() {
      ownFrame = !hasFrame(container);
      const font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      const box = make("div", Object.assign({
        display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "10px", rowGap: "8px", fontFamily: font,
        boxSizing: "border-box", width: "100%", minWidth: "0",
      }, ownFrame ? {
        padding: "11px 12px", background: "#fff", border: "1px solid " + COLORS.border, borderRadius: "8px", transition: "border-color .15s, box-shadow .15s",
      } : {}));
      const line = function (flex) {
        return make("div", { display: "flex", alignItems: "center", gap: "10px", flex: flex, minWidth: "0" });
      };
      const numberLine = line("1 1 auto");
      const restLine = line("1 1 auto");
      const icon = make("span", { flex: "0 0 auto", fontSize: "10px", fontWeight: "700", letterSpacing: ".04em", color: COLORS.muted,
        border: "1px solid " + COLORS.border, borderRadius: "4px", padding: "2px 5px", minWidth: "30px", textAlign: "center" }, { "aria-hidden": "true" });
      icon.textContent = "CARD";
      numberLine.appendChild(icon);
      FIELDS.forEach(function (field) {
        if (field.key === "postal" && !showsPostal(type, options)) return;
        const input = buildInput(field);
        css(input, Object.assign({ width: "0" }, CARD_PART[field.key]));
        (field.key === "number" ? numberLine : restLine).appendChild(input);
      });
      box.appendChild(numberLine);
      box.appendChild(restLine);
      showBrand = function (brand) {
        icon.textContent = brand === "unknown" ? "CARD" : brand === "mastercard" ? "MC" : brand.toUpperCase();
      };
      return box;
    }

    function labelled(field, extra) {
      const label = make("label", { display: "grid", gap: "4px", fontSize: "14px", color: COLORS.muted, minWidth: "0" });
      label.appendChild(document.createTextNode(field.short || field.label));
      const input = buildInput(field);
      css(input, Object.assign({ border: "1px solid " + COLORS.border, borderRadius: "8px", padding: "10px 12px", background: "#fff", boxSizing: "border-box" }, extra || {}));
      label.appendChild(input);
      return label;
    }

    function renderPayment() {
      const box = make("div", { display: "grid", gap: "12px", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", background: "#fff" });
      box.appendChild(labelled(FIELDS[0]));
      // Columns never narrower than "MM / YY" in its padded box; on a phone they wrap.
      const row = make("div", { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(7.5em, 1fr))", gap: "12px" });
      FIELDS.slice(1).forEach(function (field) {
        if (field.key !== "postal" || showsPostal(type, options)) row.appendChild(labelled(field));
      });
      box.appendChild(row);
      errorLine = make("div", { color: COLORS.invalid, fontSize: "14px", minHeight: "1.2em" }, { role: "alert" });
      box.appendChild(errorLine);
      return box;
    }

    function render(target) {
      container = target;
      inputs = {};
      errorLine = null;
      showBrand = null;
      root = type === "payment" ? renderPayment() : renderCard();
      root.className = "__SandboxStripeElement";
      setClass(container, classNames.base, true);
      container.appendChild(root);
      paint(state(false));
    }

    const element = {
      mount: function (target) {
        if (destroyed) throw new Error("IntegrationError: This Element has already been destroyed. Please create a new one.");
        const node = typeof target === "string" ? document.querySelector(target) : target;
        if (!node || !node.appendChild) throw new Error("IntegrationError: The selector you specified (" + target + ") applies to no DOM elements.");
        if (root) element.unmount();
        render(node);
        setTimeout(function () {
          if (!root) return;
          ready = true;
          emit("ready", { elementType: type });
        }, 0);
      },
      unmount: function () {
        if (root && root.parentNode) root.parentNode.removeChild(root);
        if (container) Object.keys(classNames).forEach(function (key) { setClass(container, classNames[key], false); });
        root = null;
        container = null;
      },
      destroy: function () {
        element.unmount();
        destroyed = true;
        group.__release(type, element);
      },
      // A `ready` listener attached after the element became ready still hears it (React attaches late).
      on: function (event, handler) {
        (listeners[event] = listeners[event] || []).push(handler);
        if (event === "ready" && ready && root) setTimeout(function () { handler({ elementType: type }); }, 0);
        return element;
      },
      once: function (event, handler) {
        const wrapper = function (payload) {
          element.off(event, wrapper);
          handler(payload);
        };
        return element.on(event, wrapper);
      },
      off: function (event, handler) {
        if (!listeners[event]) return element;
        listeners[event] = handler ? listeners[event].filter(function (h) { return h !== handler; }) : [];
        return element;
      },
      update: function (next) {
        options = Object.assign({}, options, next);
        if (next && next.value && next.value.postalCode !== undefined) values.postal = next.value.postalCode;
        if (root) {
          const node = container;
          element.unmount();
          render(node);
        }
      },
      focus: function () { if (inputs.number) inputs.number.focus(); },
      blur: function () { Object.keys(inputs).forEach(function (key) { inputs[key].blur(); }); },
      clear: function () {
        values.number = values.expiry = values.cvc = values.postal = "";
        Object.keys(inputs).forEach(function (key) { inputs[key].value = ""; delete left[key]; });
        emitChange();
      },
      /** For this stand-in: the card data, or the first validation error (all fields now count as left). */
      __collect: function () {
        const current = state(true);
        FIELDS.forEach(function (field) { left[field.key] = true; });
        paint(current);
        if (current.problem) return { error: current.problem.error };
        const expiry = values.expiry.replace(/\D/g, "");
        return {
          card: { number: values.number.replace(/\D/g, ""), exp_month: expiry.slice(0, 2), exp_year: "20" + expiry.slice(2, 4), cvc: values.cvc },
          postalCode: showsPostal(type, options) ? values.postal.trim() : null,
        };
      },
    };
    return element;
  }

  function createElementsGroup(initialOptions) {
    const options = Object.assign({}, initialOptions);
    const live = {};
    const group = {
      create: function (type, elementOptions) {
        if (type !== "card" && type !== "payment") {
          throw new Error("IntegrationError: the Stripe sandbox stand-in supports the 'card' and 'payment' Elements only (got '" + type + "').");
        }
        if (live[type]) throw new Error("IntegrationError: Can only create one Element of type " + type + ".");
        live[type] = createCardElement(group, type, elementOptions || {});
        return live[type];
      },
      getElement: function (typeOrComponent) {
        const type = typeof typeOrComponent === "string" ? typeOrComponent : typeOrComponent && typeOrComponent.__elementType;
        return live[type] || null;
      },
      update: function (next) {
        Object.assign(options, next);
        return Promise.resolve();
      },
      submit: function () {
        const element = live.payment || live.card;
        if (!element) return Promise.resolve({ error: fail("incomplete", "No payment Element is mounted.") });
        const collected = element.__collect();
        return Promise.resolve(collected.error ? { error: collected.error } : {});
      },
      fetchUpdates: function () {
        return Promise.resolve({});
      },
      on: function () { return group; },
      off: function () { return group; },
      __options: options,
      __release: function (type, element) {
        if (live[type] === element) delete live[type];
      },
    };
    return group;
  }

  // ---------------------------------------------------------------- 3-D Secure challenge
  const ZERO_DECIMAL = ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

  function formatAmount(amount, currency) {
    const divisor = ZERO_DECIMAL.indexOf(currency) >= 0 ? 1 : 100;
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount / divisor);
    } catch {
      return (amount / divisor).toFixed(2) + " " + currency.toUpperCase();
    }
  }

  let challengeCount = 0;

  /** The modal of Stripe's test page: resolves to "complete" or "fail" (close and Escape count as fail). */
  function showChallenge(intent, paymentMethod) {
    return new Promise(function (resolve) {
      const id = "sandbox-3ds-" + ++challengeCount;
      const previousFocus = document.activeElement;
      const merchant = (intent.next_action && intent.next_action.use_stripe_sdk && intent.next_action.use_stripe_sdk.merchant) || "the merchant";
      const isPayment = intent.object === "payment_intent";
      const overlay = make("div", { position: "fixed", inset: "0", background: "rgba(17, 24, 39, .55)", display: "flex", alignItems: "center",
        justifyContent: "center", zIndex: "2147483647", padding: "16px", pointerEvents: "auto" }); // above a modal that disabled body clicks
      const dialog = make("div", { position: "relative", width: "min(400px, 100%)", background: "#fff", borderRadius: "12px", padding: "28px",
        boxShadow: "0 20px 50px rgba(17, 24, 39, .3)", font: "15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: COLORS.text,
        boxSizing: "border-box" }, { role: "dialog", "aria-modal": "true", "aria-labelledby": id + "-title", "aria-describedby": id + "-desc", tabindex: "-1" });
      const bank = make("p", { margin: "0 0 4px", fontSize: "12px", letterSpacing: ".08em", textTransform: "uppercase", color: COLORS.muted });
      bank.textContent = "Sandbox Bank · 3D Secure 2 test page";
      const title = make("h2", { margin: "0 0 8px", fontSize: "19px" }, { id: id + "-title" });
      title.textContent = isPayment ? "Authenticate your payment" : "Authenticate your card";
      const description = make("p", { margin: "0 0 16px", color: COLORS.muted }, { id: id + "-desc" });
      description.textContent = isPayment
        ? merchant + " asks your bank to confirm a payment of " + formatAmount(intent.amount, intent.currency) + "."
        : merchant + " asks your bank to confirm this card for future payments. You will not be charged now.";
      const details = make("dl", { display: "grid", gridTemplateColumns: "auto 1fr", gap: "6px 16px", margin: "0 0 24px" });
      const rows = [["Merchant", merchant], [isPayment ? "Amount" : "Charge now", isPayment ? formatAmount(intent.amount, intent.currency) : "None"]];
      if (paymentMethod && paymentMethod.card) rows.push(["Card", paymentMethod.card.brand.toUpperCase() + " •••• " + paymentMethod.card.last4]);
      rows.forEach(function (row) {
        const term = make("dt", { color: COLORS.muted });
        term.textContent = row[0];
        const value = make("dd", { margin: "0", fontWeight: "600" });
        value.textContent = row[1];
        details.appendChild(term);
        details.appendChild(value);
      });
      const button = function (text, styles) {
        const node = make("button", Object.assign({ font: "inherit", borderRadius: "8px", padding: "11px 16px", cursor: "pointer", width: "100%" }, styles), { type: "button" });
        node.textContent = text;
        return node;
      };
      const complete = button("Complete authentication", { background: "#16a34a", color: "#fff", border: "1px solid #15803d", marginBottom: "10px" });
      const failButton = button("Fail authentication", { background: "#fff", color: "#b91c1c", border: "1px solid #fca5a5" });
      const close = button("×", { position: "absolute", top: "10px", right: "10px", width: "auto", padding: "2px 10px", background: "none", border: "0", fontSize: "22px", color: COLORS.muted });
      close.setAttribute("aria-label", "Close");
      const focusable = [close, complete, failButton];
      [bank, title, description, details, complete, failButton, close].forEach(function (node) { dialog.appendChild(node); });
      overlay.appendChild(dialog);

      function finish(outcome) {
        document.removeEventListener("keydown", onKeydown, true);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        if (previousFocus && previousFocus.focus) previousFocus.focus();
        resolve(outcome);
      }
      function onKeydown(event) {
        if (event.key === "Escape") {
          event.preventDefault();
          finish("fail");
        } else if (event.key === "Tab") {
          const index = focusable.indexOf(document.activeElement);
          const next = (index + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length;
          event.preventDefault();
          focusable[index < 0 ? 1 : next].focus();
        }
      }
      complete.addEventListener("click", function () { finish("complete"); });
      failButton.addEventListener("click", function () { finish("fail"); });
      close.addEventListener("click", function () { finish("fail"); });
      document.addEventListener("keydown", onKeydown, true);
      document.body.appendChild(overlay);
      complete.focus();
    });
  }

  // ---------------------------------------------------------------- the Stripe object
  function createStripe(publishableKey) {
    const resultKey = { payment_intent: "paymentIntent", setup_intent: "setupIntent" };
    const pathOf = { payment_intent: "/v1/payment_intents/", setup_intent: "/v1/setup_intents/" };

    function kindOf(secret) {
      const id = intentIdFrom(secret);
      return id && id.indexOf("seti_") === 0 ? "setup_intent" : "payment_intent";
    }

    function missingSecret() {
      return Promise.resolve({ error: { type: "invalid_request_error", code: "invalid_client_secret", message: "Invalid value for the client secret." } });
    }

    async function retrieveIntent(kind, secret, expand) {
      const params = { key: publishableKey, client_secret: secret };
      if (expand) params.expand = expand;
      return api("GET", pathOf[kind] + intentIdFrom(secret), params);
    }

    /** The card from an Element (plus billing details) as `payment_method_data`, or a validation error. */
    function cardData(element, billingDetails) {
      if (!element || !element.__collect) return { error: fail("incomplete", "Provide a card Element or a payment method id.") };
      const collected = element.__collect();
      if (collected.error) return collected;
      const billing = Object.assign({}, billingDetails);
      if (collected.postalCode) billing.address = Object.assign({}, billing.address, { postal_code: collected.postalCode });
      return { data: { type: "card", card: collected.card, billing_details: billing } };
    }

    function paymentMethodParams(paymentMethod) {
      if (typeof paymentMethod === "string") return { params: { payment_method: paymentMethod } };
      if (!paymentMethod) return { params: {} };
      const data = cardData(paymentMethod.card, paymentMethod.billing_details);
      return data.error ? data : { params: { payment_method_data: data.data } };
    }

    async function settle(kind, intent, handleActions) {
      if (intent.status !== "requires_action" || !handleActions) return { [resultKey[kind]]: intent };
      const secret = intent.client_secret;
      const withCard = await retrieveIntent(kind, secret, ["payment_method"]);
      const outcome = await showChallenge(intent, withCard.data && withCard.data.payment_method);
      const posted = await api("POST", "/_sandbox/" + kind + "s/" + intent.id + "/authenticate", { client_secret: secret, outcome: outcome });
      if (posted.error) return posted;
      const after = await retrieveIntent(kind, secret);
      if (after.error) return after;
      const lastError = after.data.last_payment_error || after.data.last_setup_error;
      if (after.data.status === "requires_payment_method" && lastError) return { error: toError(lastError, after.data) };
      return { [resultKey[kind]]: after.data };
    }

    async function confirm(kind, secret, data, options) {
      if (!intentIdFrom(secret)) return missingSecret();
      const source = data || {};
      const pm = paymentMethodParams(source.payment_method);
      if (pm.error) return { error: pm.error };
      const params = Object.assign({ key: publishableKey, client_secret: secret, use_stripe_sdk: "true" }, pm.params);
      ["return_url", "setup_future_usage", "receipt_email", "save_payment_method"].forEach(function (key) {
        if (source[key] !== undefined) params[key] = source[key];
      });
      const confirmed = await api("POST", pathOf[kind] + intentIdFrom(secret) + "/confirm", params);
      if (confirmed.error) return confirmed;
      return settle(kind, confirmed.data, !options || options.handleActions !== false);
    }

    /** confirmPayment / confirmSetup: the Element of `elements`, then Stripe's redirect rules. */
    async function confirmWithElements(kind, args) {
      const secret = args.clientSecret || (args.elements && args.elements.__options.clientSecret);
      const confirmParams = Object.assign({}, args.confirmParams);
      const redirect = args.redirect || "always";
      if (redirect === "always" && !confirmParams.return_url) {
        return { error: { type: "invalid_request_error", message: "confirmParams.return_url is required unless redirect is 'if_required'." } };
      }
      let paymentMethod = confirmParams.payment_method;
      if (!paymentMethod && args.elements) {
        const element = args.elements.getElement("payment") || args.elements.getElement("card");
        const billing = confirmParams.payment_method_data && confirmParams.payment_method_data.billing_details;
        paymentMethod = { card: element, billing_details: billing };
      }
      delete confirmParams.payment_method_data;
      const result = await confirm(kind, secret, Object.assign({}, confirmParams, { payment_method: paymentMethod }), {});
      if (result.error || redirect !== "always") return result;
      const intent = result[resultKey[kind]];
      const target = new URL(confirmParams.return_url, window.location.href);
      target.searchParams.set(kind, intent.id);
      target.searchParams.set(kind + "_client_secret", intent.client_secret);
      target.searchParams.set("redirect_status", intent.status === "succeeded" ? "succeeded" : intent.status);
      window.location.assign(target.toString());
      return result;
    }

    async function nextAction(secret) {
      if (!intentIdFrom(secret)) return missingSecret();
      const kind = kindOf(secret);
      const current = await retrieveIntent(kind, secret);
      return current.error ? current : settle(kind, current.data, true);
    }

    async function createPaymentMethod(first, second, third) {
      let data;
      if (typeof first === "string") data = cardData(second, third && third.billing_details);
      else if (first && first.elements) {
        const element = first.elements.getElement("payment") || first.elements.getElement("card");
        data = cardData(element, first.params && first.params.billing_details);
      } else data = cardData(first && first.card, first && first.billing_details);
      if (data.error) return { error: data.error };
      const created = await api("POST", "/v1/payment_methods", Object.assign({ key: publishableKey }, data.data));
      return created.error ? created : { paymentMethod: created.data };
    }

    async function retrieve(kind, secret) {
      if (!intentIdFrom(secret)) return missingSecret();
      const found = await retrieveIntent(kind, secret);
      return found.error ? found : { [resultKey[kind]]: found.data };
    }

    return {
      elements: function (options) { return createElementsGroup(options); },
      createPaymentMethod: createPaymentMethod,
      createToken: function () {
        return Promise.resolve({ error: { type: "invalid_request_error", code: "unsupported", message: "The Stripe sandbox does not issue tokens: use createPaymentMethod." } });
      },
      confirmCardPayment: function (secret, data, options) { return confirm("payment_intent", secret, data, options); },
      confirmCardSetup: function (secret, data, options) { return confirm("setup_intent", secret, data, options); },
      confirmPayment: function (args) { return confirmWithElements("payment_intent", args || {}); },
      confirmSetup: function (args) { return confirmWithElements("setup_intent", args || {}); },
      handleNextAction: function (args) { return nextAction(args && args.clientSecret); },
      handleCardAction: function (secret) { return nextAction(secret); },
      retrievePaymentIntent: function (secret) { return retrieve("payment_intent", secret); },
      retrieveSetupIntent: function (secret) { return retrieve("setup_intent", secret); },
      registerAppInfo: function () {},
      _registerWrapper: function () {},
    };
  }

  function Stripe(publishableKey) {
    if (typeof publishableKey !== "string" || !publishableKey) {
      throw new Error("IntegrationError: Please call Stripe() with your publishable key. You used an empty string.");
    }
    if (publishableKey.indexOf("sk_") === 0) {
      throw new Error("IntegrationError: You should not use your secret key with Stripe.js. Please pass a publishable key instead.");
    }
    return createStripe(publishableKey);
  }
  // The release train @stripe/stripe-js@10 expects; another value only prints a warning.
  Stripe.version = "endive";
  Stripe.__refillSandbox = true;
  window.Stripe = Stripe;
})();
