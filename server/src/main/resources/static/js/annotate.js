// The media page: annotation boxes drawn over the picture (stored in the original's pixels, shown in
// percent so they follow the picture's displayed size), drawing a new box with the pointer, saving it
// through the REST API; and a video's muted keyframe strip.
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

    // pointer position in the original picture's pixels
    const toPixels = event => {
      const rect = document.getElementById("media-image").getBoundingClientRect();
      const x = Math.min(Math.max(event.clientX - rect.left, 0), rect.width);
      const y = Math.min(Math.max(event.clientY - rect.top, 0), rect.height);
      return { x: Math.round(x * width / rect.width), y: Math.round(y * height / rect.height) };
    };

    document.getElementById("draw-box").addEventListener("click", () => {
      drawing = true;
      frame.classList.add("drawing");
      frame.dataset.noReveal = "1";
      status.textContent = status.dataset.drawHint || "Drag over the picture";
    });
    frame.addEventListener("pointerdown", event => {
      if (!drawing) return;
      event.preventDefault();
      event.stopPropagation();
      start = toPixels(event);
      preview?.remove();
      preview = document.createElement("div");
      preview.className = "box";
      preview.id = "new-box";
      frame.append(preview);
      frame.setPointerCapture(event.pointerId);
    }, true);
    frame.addEventListener("pointermove", event => {
      if (!drawing || !start) return;
      const end = toPixels(event);
      drawn = { x: Math.min(start.x, end.x), y: Math.min(start.y, end.y),
                width: Math.abs(end.x - start.x), height: Math.abs(end.y - start.y) };
      place(preview, drawn.x, drawn.y, drawn.width, drawn.height);
    });
    frame.addEventListener("pointerup", () => {
      if (!drawing || !start) return;
      start = null;
      drawing = false;
      frame.classList.remove("drawing");
      delete frame.dataset.noReveal;
      if (drawn && drawn.width > 0 && drawn.height > 0) {
        status.textContent = `${drawn.width} × ${drawn.height} @ ${drawn.x}, ${drawn.y}`;
        const find = document.getElementById("find-elsewhere");
        find.href = `${find.dataset.base}&x=${drawn.x}&y=${drawn.y}&width=${drawn.width}&height=${drawn.height}`;
      }
    });
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
