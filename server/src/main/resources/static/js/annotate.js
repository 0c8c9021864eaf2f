// The media page: annotation boxes drawn over the picture (stored in the upright picture's pixels, as
// shown: sides swapped for a quarter turn; placed in percent so they follow the picture's displayed
// size), drawing a new box with the pointer, saving it through the REST API; and a video's muted
// keyframe strip.
"use strict";

(() => {
  const frame = document.getElementById("annotatable");
  if (frame) {
    const width = Number(frame.dataset.width), height = Number(frame.dataset.height);
    const place = (box, x, y, w, h) => {
      box.style.left = (100 * x / width) + "%";
      box.style.top = (100 * y / height) + "%";
      box.style.width = (100 * w / width) + "%";
      box.style.height = (100 * h / height) + "%";
    };
    frame.querySelectorAll(".box").forEach(box =>
      place(box, Number(box.dataset.x), Number(box.dataset.y), Number(box.dataset.w), Number(box.dataset.h)));

    const form = document.getElementById("annotation-form");
    const status = document.getElementById("box-status");
    const error = document.getElementById("annotation-error");
    let drawing = false, start = null, drawn = null, preview = null;

    // pointer position in the upright picture's pixels
    const toPixels = event => {
      const rect = document.getElementById("media-image").getBoundingClientRect();
      const x = Math.min(Math.max(event.clientX - rect.left, 0), rect.width);
      const y = Math.min(Math.max(event.clientY - rect.top, 0), rect.height);
      return { x: Math.round(x * width / rect.width), y: Math.round(y * height / rect.height) };
    };

    const newPreview = () => {
      preview?.remove();
      preview = document.createElement("div");
      preview.className = "box";
      preview.id = "new-box";
      frame.append(preview);
    };
    const drawnIs = box => {
      drawn = box;
      place(preview, drawn.x, drawn.y, drawn.width, drawn.height);
      status.textContent = `${drawn.width} × ${drawn.height} @ ${drawn.x}, ${drawn.y}`;
      const find = document.getElementById("find-elsewhere");
      find.href = `${find.dataset.base}&x=${drawn.x}&y=${drawn.y}&width=${drawn.width}&height=${drawn.height}`;
    };
    const finish = () => {
      start = null;
      drawing = false;
      frame.classList.remove("drawing");
      delete frame.dataset.noReveal;
    };

    // Drawing starts with a box in the middle: dragging over the picture replaces it; with the keyboard,
    // the arrows move it and Shift+arrows resize it (a fiftieth of the picture a press), Enter keeps it,
    // Escape discards it.
    document.getElementById("draw-box").addEventListener("click", () => {
      drawing = true;
      frame.classList.add("drawing");
      frame.dataset.noReveal = "1";
      newPreview();
      drawnIs({ x: Math.round(width / 4), y: Math.round(height / 4),
                width: Math.round(width / 2), height: Math.round(height / 2) });
      status.textContent = status.dataset.drawHint || "Drag over the picture";
      frame.tabIndex = 0;
      frame.focus();
    });
    frame.addEventListener("keydown", event => {
      if (!drawing || !drawn) return;
      const dx = Math.max(1, Math.round(width / 50)), dy = Math.max(1, Math.round(height / 50));
      const move = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, -dy], ArrowDown: [0, dy] }[event.key];
      if (move) {
        event.preventDefault();
        const box = { ...drawn };
        if (event.shiftKey) {
          box.width = Math.min(width - box.x, Math.max(dx, box.width + move[0]));
          box.height = Math.min(height - box.y, Math.max(dy, box.height + move[1]));
        } else {
          box.x = Math.min(width - box.width, Math.max(0, box.x + move[0]));
          box.y = Math.min(height - box.height, Math.max(0, box.y + move[1]));
        }
        drawnIs(box);
      } else if (event.key === "Enter") {
        event.preventDefault();
        finish();
        document.getElementById("clue-type").focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        finish();
        preview?.remove();
        preview = null;
        drawn = null;
        status.textContent = "";
        const find = document.getElementById("find-elsewhere");
        find.href = find.dataset.base;
        document.getElementById("draw-box").focus();
      }
    });
    frame.addEventListener("pointerdown", event => {
      if (!drawing) return;
      event.preventDefault();
      event.stopPropagation();
      start = toPixels(event);
      newPreview();
      frame.setPointerCapture(event.pointerId);
    }, true);
    frame.addEventListener("pointermove", event => {
      if (!drawing || !start) return;
      const end = toPixels(event);
      drawnIs({ x: Math.min(start.x, end.x), y: Math.min(start.y, end.y),
                width: Math.max(1, Math.abs(end.x - start.x)), height: Math.max(1, Math.abs(end.y - start.y)) });
    });
    frame.addEventListener("pointerup", () => {
      if (!drawing || !start) return;
      finish();
    });
    frame.addEventListener("pointercancel", () => { if (drawing && start) finish(); });
    form.addEventListener("submit", async event => {
      event.preventDefault();
      error.hidden = true;
      if (!drawn || drawn.width <= 0 || drawn.height <= 0) {
        error.textContent = status.textContent;
        error.hidden = false;
        return;
      }
      try {
        await ariadne.api(form.dataset.url, { method: "POST", body: {
          x: drawn.x, y: drawn.y, width: drawn.width, height: drawn.height,
          clue_type: form.elements.clue_type.value, body: form.elements.body.value } });
        location.reload();
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      }
    });
  }

  const strip = document.getElementById("keyframes");
  if (strip) {
    ariadne.api(`/api/media/${strip.dataset.media}/keyframes`).then(frames => {
      frames.forEach((frame, index) => {
        const shield = document.createElement("span");
        shield.className = "shield " + (ariadne.meta("shield") || "blur grey");
        shield.tabIndex = 0;
        const img = document.createElement("img");
        img.src = `/api/media/${strip.dataset.media}/keyframes/${index}`;
        img.alt = `${frame.at_seconds.toFixed(1)} s`;
        img.loading = "lazy";
        shield.append(img);
        strip.append(shield);
      });
      ariadne.shields(strip);
    }).catch(() => { strip.textContent = "–"; });
  }
})();
