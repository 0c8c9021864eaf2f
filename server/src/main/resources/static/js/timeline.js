// Matched segments on a timeline: each segment placed by its share of the video's duration.
"use strict";
document.querySelectorAll(".timeline .segment").forEach(segment => {
  const start = Number(segment.dataset.start), end = Number(segment.dataset.end);
  segment.style.left = (100 * start) + "%";
  segment.style.width = Math.max(0.5, 100 * (end - start)) + "%";
});
