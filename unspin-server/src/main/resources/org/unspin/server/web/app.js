/* The server page: sends the text to POST /api/report and renders the answer with UnspinReport. */
(function () {
  'use strict';
  var form = document.getElementById('check-form');
  var text = document.getElementById('input-text');
  var file = document.getElementById('input-file');
  var html = document.getElementById('input-html');
  var button = document.getElementById('check-button');
  var status = document.getElementById('status');
  var error = document.getElementById('error');
  var result = document.getElementById('result');

  function looksLikeHtml(s) {
    return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(s);
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  file.addEventListener('change', function () {
    var f = file.files && file.files[0];
    if (!f) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      text.value = String(reader.result);
      html.checked = /\.x?html?$/i.test(f.name) || f.type === 'text/html' || looksLikeHtml(text.value);
      status.textContent = 'Loaded ' + f.name + '.';
    };
    reader.onerror = function () {
      showError('Cannot read ' + f.name + '.');
    };
    reader.readAsText(f, 'utf-8');
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    if (!text.value.trim()) {
      showError('Paste a text or choose a file first.');
      text.focus();
      return;
    }
    button.disabled = true;
    status.textContent = 'Checking\u2026';
    var asHtml = html.checked || looksLikeHtml(text.value);
    fetch('/api/report', {
      method: 'POST',
      headers: {'Content-Type': 'application/json; charset=utf-8', 'Accept': 'application/json'},
      body: JSON.stringify({text: text.value, html: asHtml})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
        }
        return body;
      }, function () {
        throw new Error('The server answered HTTP ' + response.status + ' without a readable body.');
      });
    }).then(function (data) {
      window.UnspinReport.render(result, data);
      status.textContent = 'Done: ' + data.check.findings.length + ' finding(s), verdict ' + data.check.verdict + '.';
      result.focus();
    }).catch(function (e) {
      status.textContent = '';
      showError(e.message);
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
