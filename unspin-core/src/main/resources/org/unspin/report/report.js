/*
 * Unspin report view. Renders the JSON of org.unspin.report.ReportView into an element:
 *   UnspinReport.render(element, {title, text, check, trace, sources})
 * Offsets are UTF-16 code units, as JavaScript strings count them. Plain DOM, no dependencies.
 * Used by the standalone report file (data embedded in #unspin-report-data) and the server page.
 */
(function () {
  'use strict';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined) {
          node.setAttribute(k, String(attrs[k]));
        }
      });
    }
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function pct(p) {
    return Math.round(p * 100) + '%';
  }

  /* Spans sorted by start; a span overlapping the previous kept one is left out of the marking. */
  function disjoint(spans, length) {
    var sorted = spans.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var out = [];
    var pos = 0;
    sorted.forEach(function (s) {
      if (s.start >= pos && s.end <= length && s.start <= s.end) {
        out.push(s);
        pos = s.end;
      }
    });
    return out;
  }

  function gauge(p, verdict) {
    var box = el('div', {
      'class': 'gauge ' + verdict, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': Math.round(p * 100), 'aria-label': 'Spun probability', 'data-probability': p
    });
    var s = svg('svg', {viewBox: '0 0 120 72', 'aria-hidden': 'true', focusable: 'false'});
    var arc = 'M10 62 A50 50 0 0 1 110 62';
    s.appendChild(svg('path', {d: arc, 'class': 'track', fill: 'none', 'stroke-width': 12, 'stroke-linecap': 'round'}));
    var value = svg('path', {
      d: arc, 'class': 'value', fill: 'none', 'stroke-width': 12, 'stroke-linecap': 'round', pathLength: 100,
      'stroke-dasharray': (Math.max(0.001, p * 100)).toFixed(2) + ' 100'
    });
    s.appendChild(value);
    var t = svg('text', {x: 60, y: 58, 'text-anchor': 'middle'});
    t.textContent = pct(p);
    s.appendChild(t);
    box.appendChild(s);
    return box;
  }

  function summary(data) {
    var c = data.check;
    var fired = Object.keys(c.signals || {}).filter(function (k) { return c.signals[k] > 0; })
      .sort(function (a, b) { return c.signals[b] - c.signals[a]; })
      .map(function (k) { return k + ' \u00d7' + c.signals[k]; });
    var terms = Object.keys(c.contributions || {})
      .sort(function (a, b) { return Math.abs(c.contributions[b]) - Math.abs(c.contributions[a]); })
      .slice(0, 3)
      .map(function (k) { var v = c.contributions[k]; return k + ' ' + (v >= 0 ? '+' : '') + v.toFixed(2); });
    return el('section', {'class': 'summary', 'aria-label': 'Score'}, [
      gauge(c.spun_probability, c.verdict),
      el('div', null, [
        el('p', null, ['Verdict: ', el('span', {'class': 'verdict ' + c.verdict, id: 'unspin-verdict'}, [c.verdict]),
          ' (spun probability ' + c.spun_probability.toFixed(3) + ')']),
        el('ul', {'class': 'facts'}, [
          el('li', null, [c.findings.length + ' finding' + (c.findings.length === 1 ? '' : 's') + ', ' +
            c.edits.length + ' change' + (c.edits.length === 1 ? '' : 's') + ' in the restored text']),
          el('li', null, ['Reasons: ' + (fired.length ? fired.join(', ') : 'no rule fired')])
        ].concat(terms.length ? [el('li', null, ['Score terms against an average training text (logit; + toward spun): ' + terms.join(', ')])] : [])
          .concat(c.note ? [el('li', {'class': 'note'}, ['Note: ' + c.note])] : []))
      ])
    ]);
  }

  /* The id of the mark that shows finding i: its own, or the kept mark that overlaps it. */
  function markIds(findings, kept) {
    return findings.map(function (f, i) {
      for (var k = 0; k < kept.length; k++) {
        if (kept[k].i === i) {
          return 'unspin-finding-' + i;
        }
      }
      for (k = 0; k < kept.length; k++) {
        if (kept[k].start < Math.max(f.end, f.start + 1) && f.start < Math.max(kept[k].end, kept[k].start + 1)) {
          return 'unspin-finding-' + kept[k].i;
        }
      }
      return null;
    });
  }

  function keptFindings(text, findings) {
    return disjoint(findings.map(function (f, i) { return {start: f.start, end: f.end, f: f, i: i}; }), text.length);
  }

  function markedText(text, findings) {
    var box = el('div', {'class': 'text', id: 'unspin-marked'});
    var pos = 0;
    keptFindings(text, findings).forEach(function (s) {
        box.appendChild(document.createTextNode(text.slice(pos, s.start)));
        var f = s.f;
        box.appendChild(el('mark', {
          'class': 'finding', tabindex: 0, id: 'unspin-finding-' + s.i, 'data-suggestion': f.suggestion,
          'data-rule': f.rule, 'data-tip': '\u2192 ' + f.suggestion + '  (' + f.rule + ', ' + pct(f.confidence) + ')',
          'aria-describedby': 'unspin-finding-item-' + s.i
        }, [text.slice(f.start, f.end)]));
        pos = s.end;
      });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  function restoredText(text, edits) {
    var box = el('div', {'class': 'text', id: 'unspin-restored'});
    var pos = 0;
    disjoint(edits, text.length).forEach(function (e) {
      box.appendChild(document.createTextNode(text.slice(pos, e.start)));
      box.appendChild(el('ins', {
        'class': 'edit', tabindex: 0, 'data-original': e.text, 'data-tip': 'was: ' + e.text + '  (' + pct(e.confidence) + ')',
        'aria-label': e.suggestion + ' (was: ' + e.text + ')'
      }, [e.suggestion]));
      pos = e.end;
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  function findingList(text, findings) {
    if (!findings.length) {
      return el('p', {'class': 'meta'}, ['No findings.']);
    }
    var targets = markIds(findings, keptFindings(text, findings));
    var list = el('ol', {'class': 'findings', id: 'unspin-findings'});
    findings.forEach(function (f, i) {
      var button = el('button', {type: 'button', 'data-target': targets[i]},
        ['\u201c' + f.text + '\u201d \u2192 \u201c' + f.suggestion + '\u201d']);
      button.addEventListener('click', function () {
        var mark = document.getElementById(button.getAttribute('data-target'));
        if (mark) {
          mark.scrollIntoView({block: 'center'});
          mark.focus();
        }
      });
      list.appendChild(el('li', {id: 'unspin-finding-item-' + i}, [button,
        el('span', {'class': 'meta'}, ['  ' + f.rule + ', confidence ' + pct(f.confidence) +
          ', characters ' + f.start + '\u2013' + f.end])]));
    });
    return list;
  }

  function traceSection(data) {
    var sec = el('section', {id: 'unspin-trace', 'aria-label': 'Sources'}, [el('h2', null, ['Sources'])]);
    var matches = (data.trace && data.trace.matches) || [];
    if (!matches.length) {
      sec.appendChild(el('p', {'class': 'meta'}, ['No indexed source matched this text.']));
      return sec;
    }
    matches.forEach(function (m, k) {
      var src = data.sources ? data.sources[m.id] : undefined;
      sec.appendChild(el('h3', null, [(k + 1) + '. ' + m.id]));
      var weak = m.weak === true;
      sec.appendChild(el('p', {'class': 'meta'}, ['score ' + Number(m.score).toFixed(3) + ', coverage ' +
        pct(m.coverage) + (typeof m.support === 'number' ? ', support ' + pct(m.support) : '') +
        (weak ? ' (too weak to be a source: the alignment explains too little of what it passes over)' : '')]));
      var rows = (m.passages || []).map(function (p) {
        return el('tr', null, [
          el('td', {'class': 'passage'}, [data.text.slice(p.start, p.end)]),
          el('td', {'class': 'passage'}, [src !== undefined ? src.slice(p.source_start, p.source_end)
            : 'characters ' + p.source_start + '\u2013' + p.source_end])
        ]);
      });
      if (rows.length) {
        sec.appendChild(el('table', {'class': 'passages'}, [
          el('caption', {'class': 'visually-hidden'}, ['Passages of the text aligned with the source']),
          el('thead', null, [el('tr', null, [el('th', {scope: 'col'}, ['This text']),
            el('th', {scope: 'col'}, ['Source ' + m.id])])]),
          el('tbody', null, rows)
        ]));
      }
      var subs = m.substitutions || [];
      if (subs.length) {
        sec.appendChild(el('p', null, ['Substitutions: ' + subs.map(function (s) {
          return '\u201c' + s.surface + '\u201d \u2190 \u201c' + s.original + '\u201d' + (s.count > 1 ? ' \u00d7' + s.count : '');
        }).join(', ')]));
      }
    });
    return sec;
  }

  function render(root, data) {
    root.textContent = '';
    var c = data.check;
    root.appendChild(el('h2', {'class': 'visually-hidden'}, ['Report: ' + data.title]));
    root.appendChild(summary(data));
    root.appendChild(el('div', {'class': 'columns'}, [
      el('section', {'class': 'pane', 'aria-labelledby': 'unspin-h-text'}, [
        el('h2', {id: 'unspin-h-text'}, ['Text with findings']), markedText(data.text, c.findings)]),
      el('section', {'class': 'pane', 'aria-labelledby': 'unspin-h-restored'}, [
        el('h2', {id: 'unspin-h-restored'}, ['Restored text']), restoredText(data.text, c.edits)])
    ]));
    root.appendChild(el('section', {'aria-labelledby': 'unspin-h-findings'}, [
      el('h2', {id: 'unspin-h-findings'}, ['Findings']), findingList(data.text, c.findings)]));
    if (data.trace) {
      root.appendChild(traceSection(data));
    }
    root.setAttribute('data-rendered', 'true');
  }

  window.UnspinReport = {render: render};

  var embedded = document.getElementById('unspin-report-data');
  var target = document.getElementById('unspin-report');
  if (embedded && target && embedded.textContent.trim()) {
    render(target, JSON.parse(embedded.textContent));
  }
})();
