// The keyboard-driven categorisation grid. Arrows move the focus (up and down by a row of the grid as laid
// out); 0-5 vote for the focused item, or for every selected one (bulk); space selects, shift+arrows extend
// the selection, Escape clears it; u (or Ctrl+Z) undoes the last vote. Votes go to the REST API; after each
// change the items' state (your vote, the agreed category, the counts) is read back from the server.
"use strict";

(() => {
  const grid = document.getElementById("categorise-grid");
  if (!grid) return;
  const tiles = [...grid.querySelectorAll(".tile")];
  if (!tiles.length) return;
  const codes = new Set(grid.dataset.codes.split(","));
  const status = document.getElementById("categorise-status");
  const undoStack = [];
  let focused = 0;

  const idOf = tile => Number(tile.dataset.media);
  const say = (template, ...values) => {
    status.textContent = values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);
  };

  function focus(index) {
    focused = Math.max(0, Math.min(tiles.length - 1, index));
    tiles.forEach((tile, i) => tile.tabIndex = i === focused ? 0 : -1);
    tiles[focused].focus();
  }

  /** Items per row as the grid is laid out now (it reflows with the window). */
  function columns() {
    const top = tiles[0].offsetTop;
    const inRow = tiles.findIndex(tile => tile.offsetTop !== top);
    return inRow < 0 ? tiles.length : inRow;
  }

  function select(tile, on) {
    tile.classList.toggle("selected", on);
    tile.setAttribute("aria-selected", String(on));
  }

  const selected = () => tiles.filter(tile => tile.classList.contains("selected"));

  function show(states) {
    for (const state of states) {
      const tile = grid.querySelector(`.tile[data-media="${state.media_id}"]`);
      if (!tile) continue;
      tile.dataset.vote = state.own_vote ?? "";
      tile.querySelector(".vote").textContent = state.own_vote == null ? "" : "▸ " + state.own_vote;
      tile.querySelector(".final").textContent = state.final_category == null ? "" :
        grid.dataset.msgFinal.replace("{0}", state.final_category);
      const counts = Object.entries(state.counts || {}).map(([code, n]) => `${code}×${n}`).join(" ");
      tile.querySelector(".counts").textContent = counts;
    }
  }

  async function refresh(ids) {
    show(await ariadne.api("/api/votes/state", { method: "POST", body: { media: ids } }));
  }

  /** Sets each item's own vote to the category given (null withdraws it). */
  async function apply(changes) {
    const byCategory = new Map();
    for (const { id, category } of changes) {
      if (!byCategory.has(category)) byCategory.set(category, []);
      byCategory.get(category).push(id);
    }
    for (const [category, ids] of byCategory) {
      show(category == null || category === ""
        ? await ariadne.api("/api/votes/withdraw", { method: "POST", body: { media: ids } })
        : await ariadne.api("/api/votes", { method: "POST", body: { media: ids, category } }));
    }
  }

  // votes and undos go out one after the other, in the order of the keys: a later key never overtakes
  let queue = Promise.resolve();
  const enqueue = job => { queue = queue.then(job).catch(e => { status.textContent = e.message; }); };

  // the targets are those of the key press; what an undo restores is read when the vote goes out,
  // after the votes queued before it
  async function vote(category, targets) {
    undoStack.push(targets.map(tile => ({ id: idOf(tile), category: tile.dataset.vote || null })));
    try {
      await apply(targets.map(tile => ({ id: idOf(tile), category })));
      say(grid.dataset.msgVoted, category, targets.length);
    } catch (e) {
      undoStack.pop();
      status.textContent = e.message;
    }
  }

  async function undo() {
    const last = undoStack.pop();
    if (!last) { say(grid.dataset.msgNothing); return; }
    await apply(last);
    say(grid.dataset.msgUndone, last.length);
  }

  grid.addEventListener("keydown", event => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns(), ArrowDown: columns() }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const from = focused;
      focus(focused + step);
      if (event.shiftKey) { select(tiles[from], true); select(tiles[focused], true); }
    } else if (codes.has(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      const category = event.key;
      const targets = selected().length ? selected() : [tiles[focused]];
      enqueue(() => vote(category, targets));
    } else if (event.key === " ") {
      event.preventDefault();
      select(tiles[focused], !tiles[focused].classList.contains("selected"));
    } else if (event.key === "Escape") {
      tiles.forEach(tile => select(tile, false));
    } else if (event.key === "u" || (event.key === "z" && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      enqueue(undo);
    } else if (event.key === "a" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      tiles.forEach(tile => select(tile, true));
    } else if (event.key === "Enter") {
      tiles[focused].querySelector(".shield")?.classList.toggle("revealed");
    }
  });
  // the focus may land inside a tile (its thumbnail): follow it, and keep the thumbnails out of the tab order
  grid.addEventListener("focusin", event => {
    const tile = event.target.closest(".tile");
    if (tile) focused = tiles.indexOf(tile);
  });
  grid.querySelectorAll(".shield").forEach(shield => { shield.tabIndex = -1; });
  grid.addEventListener("click", event => {
    const tile = event.target.closest(".tile");
    if (tile && event.ctrlKey) { select(tile, !tile.classList.contains("selected")); }
  });

  focus(0);
  refresh(tiles.map(idOf)).catch(e => { status.textContent = e.message; });
})();
