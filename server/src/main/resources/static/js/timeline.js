// Matched segments on a timeline, each placed by its share of the video's duration; and the boxes around
// the parts of two pictures that show one scene, placed by their share of each picture's width and height.
"use strict";
document.querySelectorAll(".timeline .segment").forEach(segment => {
  const start = Number(segment.dataset.start), end = Number(segment.dataset.end);
  segment.style.left = (100 * start) + "%";
  segment.style.width = Math.max(0.5, 100 * (end - start)) + "%";
});
document.querySelectorAll(".region").forEach(box => {
  box.style.left = (100 * Number(box.dataset.fx)) + "%";
  box.style.top = (100 * Number(box.dataset.fy)) + "%";
  box.style.width = (100 * Number(box.dataset.fw)) + "%";
  box.style.height = (100 * Number(box.dataset.fh)) + "%";
});
