// Behaviour every page shares: calls to the REST API with the page's CSRF token, revealing blurred media
// (click toggles, pressing holds), muted videos, and the break reminder. No inline scripts: the CSP forbids them.
"use strict";

const ariadne = (() => {
  const meta = name => document.querySelector(`meta[name="${name}"]`)?.content;

  /** fetch() to our own API, with the session's CSRF token and JSON by default. */
  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    const token = meta("csrf-token");
    if (token) headers.set(meta("csrf-header"), token);
    let body = options.body;
    if (body && !(body instanceof FormData) && typeof body !== "string") {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(body);
    }
    const response = await fetch(path, { ...options, headers, body, credentials: "same-origin" });
    if (!response.ok) {
      let message = response.statusText;
      try { message = (await response.json()).message || message; } catch (ignored) { /* not JSON */ }
      throw new Error(message);
    }
    return response.status === 204 ? null : response.json();
  }

  /** A press longer than this reveals only while held; a shorter one is a click and toggles. */
  const HOLD_MS = 350;

  function shields(root) {
    root.querySelectorAll(".shield:not([data-wired])").forEach(shield => {
      shield.dataset.wired = "1";
      let pressedAt = 0;
      shield.addEventListener("pointerdown", () => { pressedAt = Date.now(); shield.classList.add("held"); });
      const release = () => shield.classList.remove("held");
      shield.addEventListener("pointerup", release);
      shield.addEventListener("pointerleave", release);
      shield.addEventListener("click", event => {
        if (shield.closest("[data-no-reveal]")) return;
        if (Date.now() - pressedAt < HOLD_MS) shield.classList.toggle("revealed");
        event.preventDefault();
      });
      shield.addEventListener("keydown", event => {
        if (event.key === "r" || event.key === "R") shield.classList.toggle("revealed");
      });
      shield.querySelectorAll("video").forEach(video => { video.muted = true; video.defaultMuted = true; });
    });
  }

  /** A drop zone for files: dropped files, or files chosen with the hidden input (Enter or space opens it). */
  function dropzone(zone, input, onFiles) {
    zone.addEventListener("keydown", event => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
    });
    ["dragenter", "dragover"].forEach(type => zone.addEventListener(type, event => {
      event.preventDefault();
      zone.classList.add("over");
    }));
    ["dragleave", "drop"].forEach(type => zone.addEventListener(type, () => zone.classList.remove("over")));
    zone.addEventListener("drop", event => {
      event.preventDefault();
      if (event.dataTransfer.files.length) onFiles(event.dataTransfer.files);
    });
    input.addEventListener("change", () => { if (input.files.length) onFiles(input.files); });
  }

  function breakReminder() {
    const banner = document.getElementById("break-reminder");
    if (!banner) return;
    const minutes = Number(banner.dataset.minutes || 50);
    const key = "ariadne-working-since";
    if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, String(Date.now()));
    const check = () => {
      const since = Number(sessionStorage.getItem(key));
      banner.hidden = Date.now() - since < minutes * 60_000;
    };
    document.getElementById("break-dismiss")?.addEventListener("click", () => {
      sessionStorage.setItem(key, String(Date.now()));
      check();
    });
    check();
    setInterval(check, 30_000);
  }

  document.addEventListener("DOMContentLoaded", () => {
    shields(document);
    breakReminder();
    document.body.addEventListener("htmx:afterSwap", event => shields(event.target));
    document.body.addEventListener("htmx:configRequest", event => {
      const token = meta("csrf-token");
      if (token) event.detail.headers[meta("csrf-header")] = token;
    });
  });

  return { api, shields, meta, dropzone };
})();
