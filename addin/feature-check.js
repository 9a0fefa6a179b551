/*
 * Runs before the task pane's bundle, in any webview Office may use (WKWebView on Mac, WebView2
 * or the older EdgeHTML and Internet Explorer on Windows), so it is plain ES5: no let, no arrow,
 * no template. It checks what the bundle needs (scripts/browser-target.mjs lists it beside the
 * build target) and then loads the bundle; where something is missing it shows, in Swedish and
 * then English, what to do instead of a blank pane. Microsoft: "Browsers and webview controls
 * used by Office Add-ins" (learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 */
(function () {
  "use strict";

  function works(test) {
    try {
      return test() === true;
    } catch (e) {
      return false;
    }
  }

  // Each: a name support can look up, and a test. Keep in step with scripts/browser-target.mjs.
  var needs = [
    [
      "RegExp lookbehind och \\p{L}",
      function () {
        // Built from a string: a literal would stop an older engine from reading this file at all.
        return new RegExp("(?<![\\p{L}])b", "u").test("1b");
      },
    ],
    [
      "AbortSignal.timeout",
      function () {
        return typeof AbortSignal === "function" && typeof AbortSignal.timeout === "function";
      },
    ],
    [
      "Array.prototype.at",
      function () {
        return [1, 2].at(-1) === 2;
      },
    ],
    [
      "Array.prototype.findLast",
      function () {
        return typeof Array.prototype.findLast === "function";
      },
    ],
    [
      "Array.prototype.flatMap",
      function () {
        return typeof Array.prototype.flatMap === "function";
      },
    ],
    [
      "Object.hasOwn",
      function () {
        return typeof Object.hasOwn === "function";
      },
    ],
    [
      "Object.fromEntries",
      function () {
        return typeof Object.fromEntries === "function";
      },
    ],
    [
      "String.prototype.matchAll",
      function () {
        return typeof String.prototype.matchAll === "function";
      },
    ],
    [
      "Promise.allSettled",
      function () {
        return typeof Promise === "function" && typeof Promise.allSettled === "function";
      },
    ],
    [
      "WeakRef",
      function () {
        return typeof WeakRef === "function";
      },
    ],
    [
      "queueMicrotask",
      function () {
        return typeof queueMicrotask === "function";
      },
    ],
    [
      "fetch",
      function () {
        return typeof fetch === "function";
      },
    ],
    [
      "crypto.getRandomValues",
      function () {
        return typeof crypto === "object" && typeof crypto.getRandomValues === "function";
      },
    ],
    [
      "ResizeObserver",
      function () {
        return typeof ResizeObserver === "function";
      },
    ],
    [
      "Intl.NumberFormat sv-SE",
      function () {
        return typeof Intl === "object" && new Intl.NumberFormat("sv-SE").format(1000).length >= 4;
      },
    ],
  ];

  var missing = [];
  for (var i = 0; i < needs.length; i++) if (!works(needs[i][1])) missing.push(needs[i][0]);

  var scripts = document.getElementsByTagName("script");
  var self = document.currentScript || scripts[scripts.length - 1];
  var bundle = (self && self.getAttribute("data-bundle")) || "taskpane.js";

  if (missing.length === 0) {
    var script = document.createElement("script");
    // The bundle is an ES module split into chunks (scripts/build-addin.mjs).
    script.type = "module";
    script.src = bundle;
    document.body.appendChild(script);
    return;
  }

  var texts = [
    {
      lang: "sv",
      title: "Samsyn kan inte starta i den här versionen av Office",
      why: "Samsyn behöver en nyare webbkomponent än den här Excel-installationen har. Arbetsboken påverkas inte.",
      doTitle: "Gör så här",
      steps: [
        "Windows: uppdatera Office (Arkiv → Konto → Uppdateringsalternativ → Uppdatera nu) och Windows. Samsyn fungerar i Microsoft 365 och Excel 2021 eller senare.",
        "Mac: uppdatera macOS (Systeminställningar → Allmänt → Programuppdatering). Samsyn behöver Safari 16.4 eller senare på datorn.",
        "Eller öppna arbetsboken i Excel på webben, i en aktuell Edge, Chrome, Firefox eller Safari.",
      ],
      support: "Till den som ger dig support, det här saknas: ",
    },
    {
      lang: "en",
      title: "Samsyn cannot start in this version of Office",
      why: "Samsyn needs a newer web component than this Excel installation has. Your workbook is not affected.",
      doTitle: "What to do",
      steps: [
        "Windows: update Office (File → Account → Update Options → Update Now) and Windows. Samsyn works in Microsoft 365 and Excel 2021 or later.",
        "Mac: update macOS (System Settings → General → Software Update). Samsyn needs Safari 16.4 or later on the computer.",
        "Or open the workbook in Excel on the web, in a current Edge, Chrome, Firefox or Safari.",
      ],
      support: "For whoever supports you, this is missing: ",
    },
  ];

  function element(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (style) e.style.cssText = style;
    return e;
  }

  var root = document.getElementById("root") || document.body;
  var page = element(
    "main",
    "",
    "font-family: 'Segoe UI', system-ui, sans-serif; padding: 12px 16px; max-width: 40em; line-height: 1.4; color: #242424;"
  );
  page.setAttribute("id", "samsyn-too-old");
  for (var t = 0; t < texts.length; t++) {
    var s = texts[t];
    var part = element("section", "", t > 0 ? "border-top: 1px solid #d1d1d1; margin-top: 16px;" : "");
    part.setAttribute("lang", s.lang);
    part.appendChild(element(t === 0 ? "h1" : "h2", s.title, "font-size: 18px; font-weight: 600;"));
    part.appendChild(element("p", s.why));
    part.appendChild(element("h3", s.doTitle, "font-size: 14px; font-weight: 600;"));
    var list = element("ul", "", "padding-left: 20px;");
    for (var k = 0; k < s.steps.length; k++) list.appendChild(element("li", s.steps[k]));
    part.appendChild(list);
    part.appendChild(element("p", s.support + missing.join(", ") + ".", "font-size: 12px; color: #616161;"));
    page.appendChild(part);
  }
  root.appendChild(page);
})();
