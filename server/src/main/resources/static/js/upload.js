// Drag-and-drop upload into a case: one request to the REST API with every file (so one ingest job), each
// file's progress read off the request's upload progress (the files go out in order), then the job's own
// progress, which the job panel polls for itself (htmx).
"use strict";

(() => {
  const form = document.getElementById("upload");
  if (!form) return;
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("upload-files");
  const list = document.getElementById("upload-files-list");
  const error = document.getElementById("upload-error");

  function row(file) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    const percent = document.createElement("span");
    percent.textContent = "0 %";
    li.append(name, bar, percent);
    list.append(li);
    return { bar, percent };
  }

  function send(files) {
    if (!files.length) return;
    error.hidden = true;
    list.replaceChildren();
    const data = new FormData();
    const rows = [];
    let offset = 0;
    for (const file of files) {
      data.append("files", file, file.name);
      rows.push({ start: offset, size: file.size, ...row(file) });
      offset += file.size;
    }
    const series = form.elements.series.value;
    const url = form.dataset.url + (series ? "?series=" + encodeURIComponent(series) : "");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader(ariadne.meta("csrf-header"), ariadne.meta("csrf-token"));
    xhr.upload.addEventListener("progress", event => {
      // the multipart framing adds a few hundred bytes a file: scale to the files' own bytes
      const sent = event.lengthComputable ? event.loaded * offset / event.total : 0;
      for (const r of rows) {
        const done = r.size === 0 ? (sent >= r.start ? 1 : 0) : Math.min(1, Math.max(0, (sent - r.start) / r.size));
        r.bar.value = Math.round(done * 100);
        r.percent.textContent = Math.round(done * 100) + " %";
      }
    });
    xhr.addEventListener("load", () => {
      if (xhr.status !== 202) {
        let message = xhr.statusText;
        try { message = JSON.parse(xhr.responseText).message; } catch (ignored) { /* not JSON */ }
        error.textContent = message;
        error.hidden = false;
        return;
      }
      for (const r of rows) { r.bar.value = 100; r.percent.textContent = "100 %"; }
      const job = JSON.parse(xhr.responseText);
      htmx.ajax("GET", form.dataset.jobUrl + job.id, { target: "#job", swap: "innerHTML" });
    });
    xhr.addEventListener("error", () => {
      error.textContent = form.dataset.failed;
      error.hidden = false;
    });
    xhr.send(data);
  }

  ariadne.dropzone(zone, input, files => send([...files]));
})();
