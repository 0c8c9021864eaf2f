// Search by image: a picture dropped on the zone (or chosen) is put in the form's file field and sent.
"use strict";
(() => {
  const zone = document.getElementById("search-drop");
  if (!zone) return;
  const input = document.getElementById("search-file");
  ariadne.dropzone(zone, input, files => {
    if (input.files !== files) input.files = files;
    document.getElementById("search-image").requestSubmit();
  });
})();
