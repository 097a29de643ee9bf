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

  // The charset an HTML page declares in a <meta> tag of its first 1024 bytes, as browsers look for it.
  function declaredCharset(bytes) {
    var head = '';
    for (var i = 0; i < Math.min(bytes.length, 1024); i++) {
      head += String.fromCharCode(bytes[i]);
    }
    var m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i.exec(head);
    return m ? m[1] : null;
  }

  // A file's text: UTF-8, else the charset its <meta> tag declares (as the CLI and the server read
  // pages), else an error rather than a text full of replacement characters.
  function decodeFile(name, buffer) {
    var bytes = new Uint8Array(buffer);
    try {
      return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
    } catch (notUtf8) {
      var label = declaredCharset(bytes);
      if (!label) {
        throw new Error(name + ' is not UTF-8 and declares no charset; save it as UTF-8.');
      }
      var decoder;
      try {
        decoder = new TextDecoder(label, {fatal: true});
      } catch (unknown) {
        throw new Error(name + ' is not UTF-8 and declares charset "' + label + '", which this browser does not know.');
      }
      try {
        return decoder.decode(bytes);
      } catch (invalid) {
        throw new Error(name + ' is neither UTF-8 nor the ' + label + ' it declares.');
      }
    }
  }

  file.addEventListener('change', function () {
    var f = file.files && file.files[0];
    if (!f) {
      return;
    }
    error.hidden = true;
    var reader = new FileReader();
    reader.onload = function () {
      var content;
      try {
        content = decodeFile(f.name, reader.result);
      } catch (e) {
        status.textContent = '';
        showError(e.message);
        return;
      }
      text.value = content;
      html.checked = /\.x?html?$/i.test(f.name) || f.type === 'text/html' || looksLikeHtml(text.value);
      status.textContent = 'Loaded ' + f.name + '.';
    };
    reader.onerror = function () {
      showError('Cannot read ' + f.name + '.');
    };
    reader.readAsArrayBuffer(f);
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
