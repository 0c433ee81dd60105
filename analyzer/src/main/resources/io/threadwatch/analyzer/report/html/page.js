// Builds the Threadwatch HTML report from the two JSON elements of the page: the report v1
// (tw-report) and the engine's view of it (tw-view: application frames, thread families, SLI units).
// Every string from the report goes into the page as a text node, never as markup.
(function () {
  'use strict';

  var reportText = document.getElementById('tw-report').textContent;
  var report = JSON.parse(reportText);
  var view = JSON.parse(document.getElementById('tw-view').textContent);
  var page = document.getElementById('page');

  // What each kind means, for someone who never saw Threadwatch.
  var KINDS = {
    'thread-leak': ['Thread leak', 'threads are started here and never end: their number keeps growing until the process runs out of memory or threads'],
    'creation-storm': ['Thread creation storm', 'threads are started here at a high rate: a pool is probably created per task or request'],
    'blocked-forever': ['Threads stuck', 'threads wait here without a timeout for something that does not come'],
    'long-blocking': ['Long waits', 'threads often wait here for a long time: requests passing here are slow'],
    'contention': ['Lock contention', 'threads queue here for a lock held by others'],
    'deadlock': ['Deadlock', 'threads wait for locks held by each other: they will never go on'],
    'vthread-leak': ['Virtual-thread leak', 'virtual threads pile up here and never end'],
    'vthread-pinning': ['Virtual threads pinned', 'virtual threads block while holding their carrier thread, which starves the others'],
    'vthread-submit-failed': ['Virtual threads refused', 'the scheduler refused to run virtual threads: their tasks were lost'],
    'heap-growth': ['Heap keeps growing', 'the memory still in use after garbage collection keeps rising: a memory leak'],
    'gc-pressure': ['GC pressure', 'the JVM spends much of its time collecting garbage']
  };
  var CONFIDENCE = {
    confirmed: 'observed or measured directly',
    estimated: 'inferred from sparser evidence',
    suspected: 'consistent with the problem, but the recording is too short or sparse to confirm it'
  };
  var ROLES = {
    'creation-site': 'Where the threads were started',
    'live-threads': 'Threads still alive',
    'blocked-stacks': 'Where the threads wait',
    'blocking-events': 'Waits recorded',
    'deadlock-cycle': 'The deadlock',
    'last-seen': 'Where the virtual threads were last seen',
    'pinned-events': 'Pinned waits',
    'submit-failures': 'Refused virtual threads',
    'leak-candidates': 'Objects that keep growing, by allocation site',
    'gc-pauses': 'Garbage collections',
    'live-set': 'The live set'
  };
  var COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f'];
  var PROBLEM = '#d62728';
  var MAX_SERIES = 6;

  // ---- small helpers -------------------------------------------------------------------------

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function section(title, id) {
    var node = el('section', 'card', [el('h2', null, [title])]);
    node.id = id;
    page.appendChild(node);
    return node;
  }

  function seconds(iso) {
    return Date.parse(iso) / 1000;
  }

  function isoDurationSeconds(text) {
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(text);
    return m ? (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0)) : 0;
  }

  function number(v) {
    if (v === null || v === undefined || isNaN(v)) {
      return '–';
    }
    var a = Math.abs(v);
    if (a >= 1000) {
      return Math.round(v).toLocaleString('en-US');
    }
    if (a >= 100 || v === Math.round(v)) {
      return String(Math.round(v * 10) / 10);
    }
    return String(+v.toPrecision(3));
  }

  function bytes(v) {
    if (v === null || v === undefined) {
      return '–';
    }
    var a = Math.abs(v);
    if (a >= 1 << 30) {
      return number(v / (1 << 30)) + ' GiB';
    }
    if (a >= 1 << 20) {
      return number(v / (1 << 20)) + ' MiB';
    }
    return number(v / 1024) + ' KiB';
  }

  function withUnit(v, unit) {
    if (unit === 'bytes') {
      return bytes(v);
    }
    if (unit === 'bytes/hour') {
      return bytes(v) + '/hour';
    }
    if (unit === 'ratio') {
      return number(v);
    }
    return number(v) + ' ' + unit;
  }

  function span(secondsLong) {
    var s = Math.round(secondsLong);
    if (s < 120) {
      return s + ' s';
    }
    if (s < 7200) {
      return Math.round(s / 60) + ' min';
    }
    return (Math.round(s / 360) / 10) + ' h';
  }

  function utc(epochSeconds) {
    return new Date(epochSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  }

  /** "com.acme.Reloader.reload(Reloader.java:42)" as "Reloader.reload:42". */
  function shortSite(frame) {
    if (!frame) {
      return '(no site)';
    }
    // A site shared by a pool's threads carries their name family: "...fillPool(HikariPool.java:533) [orders-db:#]".
    var family = /^(.*\))(\s+\[.*\])$/.exec(frame);
    var suffix = family ? family[2] : '';
    var m = /^(?:at )?(?:[\w$]+\.)*?([\w$]+\.[\w$<>]+)\((?:[^:)]*:(\d+))?[^)]*\)$/.exec(family ? family[1] : frame);
    return m ? m[1] + (m[2] ? ':' + m[2] : '') + suffix : frame;
  }

  function kindName(kind) {
    return (KINDS[kind] || [kind])[0];
  }

  function unitOf(sli) {
    return view.slis[sli] ? view.slis[sli].unit : '';
  }

  // ---- the SLIs as series --------------------------------------------------------------------

  var slisByName = {};
  report.slis.forEach(function (point) {
    (slisByName[point.name] = slisByName[point.name] || []).push(point);
  });
  // One time axis for every plot: the ends of the windows.
  var times = [];
  (function () {
    var seen = {};
    report.slis.forEach(function (point) {
      if (!seen[point.time]) {
        seen[point.time] = true;
        times.push(seconds(point.time));
      }
    });
    times.sort(function (a, b) { return a - b; });
  })();
  var timeIndex = {};
  times.forEach(function (t, i) { timeIndex[t] = i; });

  function labelKey(labels, keys) {
    return keys.map(function (k) { return labels[k] || ''; }).join(' \u00b7 ');
  }

  /**
   * The series of one SLI, one per value of the label keys, aligned on the shared time axis.
   * Missing windows are 0 when the SLI is only written when it is not zero, else null (a gap).
   */
  function seriesOf(name, keys, opts) {
    opts = opts || {};
    var byKey = {};
    (slisByName[name] || []).forEach(function (point) {
      if (opts.filter && !opts.filter(point.labels)) {
        return;
      }
      var key = labelKey(point.labels, keys);
      var s = byKey[key];
      if (!s) {
        s = byKey[key] = {key: key, labels: point.labels, values: times.map(function () { return opts.zero ? 0 : null; }), max: 0};
      }
      var v = opts.scale ? point.value * opts.scale : point.value;
      s.values[timeIndex[seconds(point.time)]] = v;
      s.max = Math.max(s.max, v);
    });
    return Object.keys(byKey).map(function (k) { return byKey[k]; });
  }

  function findingsOf(kinds) {
    return report.findings.filter(function (f) { return kinds.indexOf(f.kind) >= 0; });
  }

  /** Why a plot of these kinds has no data: the recording's limitation when it has one, else what it showed. */
  function whyMissing(kinds, otherwise) {
    var limit = limitationFor(kinds);
    return limit ? limit.message : otherwise;
  }

  function limitationFor(kinds) {
    return report.limitations.filter(function (l) {
      return l.kinds.some(function (k) { return kinds.indexOf(k) >= 0; });
    })[0];
  }

  /**
   * Keeps the series at a finding's site and the largest others, up to MAX_SERIES, and sums the
   * rest into one "other" series, so that a plot stays readable with hundreds of sites.
   */
  function topSeries(all, problemSites, siteKey, otherLabel) {
    var problem = all.filter(function (s) { return problemSites.indexOf(s.labels[siteKey]) >= 0; });
    var rest = all.filter(function (s) { return problemSites.indexOf(s.labels[siteKey]) < 0; })
        .sort(function (a, b) { return b.max - a.max; });
    var room = Math.max(0, MAX_SERIES - problem.length);
    var shown = rest.slice(0, room);
    var others = rest.slice(room);
    var result = problem.map(function (s) { s.problem = true; return s; }).concat(shown);
    if (others.length > 0) {
      var sum = times.map(function (_, i) {
        var total = null;
        others.forEach(function (s) {
          if (s.values[i] !== null) {
            total = (total || 0) + s.values[i];
          }
        });
        return total;
      });
      result.push({key: otherLabel + ' (' + others.length + ' more)', labels: {}, values: sum, other: true});
    }
    return result;
  }

  // ---- header and verdict --------------------------------------------------------------------

  function header() {
    var source = report.source;
    var recorded = seconds(source.end) - seconds(source.start);
    var jvm = source.jvm.version ? (source.jvm.name || 'JVM') + ' ' + source.jvm.version : 'an unknown JVM';
    var download = el('a', 'download', ['Download the JSON report']);
    // The embedded report v1 itself (markup characters escaped as \u003c etc., the same JSON values).
    download.href = URL.createObjectURL(new Blob([reportText.trim() + '\n'], {type: 'application/json'}));
    download.download = source.name.split(',')[0].replace(/\.jfr(\.gz)?$/, '') + '.threadwatch.json';
    download.id = 'download-json';
    var head = el('header', 'head', [
      el('div', 'brand', ['Threadwatch report']),
      el('h1', null, [source.name]),
      el('p', 'meta', [span(recorded) + ' recorded on ' + jvm
        + (source.jvm.cores ? ', ' + source.jvm.cores + ' cores' : '')
        + ', from ' + utc(seconds(source.start)) + ' to ' + utc(seconds(source.end))
        + (source.truncated ? ' (the file was cut or damaged: part of it was not analyzed, see Settings)' : '')
        + '. ', download])
    ]);
    page.appendChild(head);
  }

  function verdict() {
    var box;
    if (report.findings.length > 0) {
      var worst = report.findings[0];
      var what = KINDS[worst.kind] || [worst.kind, ''];
      box = el('section', 'verdict ' + worst.severity, [
        el('div', 'verdict-label', [worst.severity.toUpperCase() + ': ' + what[0]
          + (worst.site ? ' at ' + shortSite(worst.site.frame) : '')]),
        el('p', 'verdict-message', [worst.message]),
        el('p', 'verdict-why', ['What this means: ' + what[1] + '.'])
      ]);
      if (report.findings.length > 1) {
        var others = report.findings.slice(1).map(function (f) {
          return f.severity + ' ' + kindName(f.kind).toLowerCase() + (f.site ? ' at ' + shortSite(f.site.frame) : '');
        });
        box.appendChild(el('p', 'verdict-more', [(report.findings.length - 1) + ' more: ' + others.join('; ') + '.']));
      }
    } else {
      box = el('section', 'verdict healthy', [
        el('div', 'verdict-label', ['Healthy: no problem found in what this recording can show'])
      ]);
      if (report.limitations.length > 0) {
        var kinds = [];
        report.limitations.forEach(function (l) {
          l.kinds.forEach(function (k) {
            if (kinds.indexOf(k) < 0) {
              kinds.push(k);
            }
          });
        });
        box.appendChild(el('p', 'verdict-message', ['Could not be judged from this recording: '
          + kinds.map(function (k) { return kindName(k).toLowerCase(); }).join(', ')
          + ' (see What this recording could not show).']));
      } else {
        box.appendChild(el('p', 'verdict-message', ['The recording had every event the analysis needs.']));
      }
    }
    box.id = 'verdict';
    page.appendChild(box);
  }

  // ---- findings ------------------------------------------------------------------------------

  function findings() {
    if (report.findings.length === 0) {
      return;
    }
    var card = section('Findings (' + report.findings.length + '), most severe first', 'findings');
    report.findings.forEach(function (finding, index) {
      var item = el('article', 'finding ' + finding.severity);
      item.id = 'finding-' + index;
      item.appendChild(el('h3', null, [
        el('span', 'badge ' + finding.severity, [finding.severity]), ' ',
        kindName(finding.kind), finding.site ? ' at ' : '',
        finding.site ? el('code', 'site', [finding.site.frame]) : ''
      ]));
      item.appendChild(el('p', 'message', [finding.message]));
      if (finding.pattern) {
        // The known shape the evidence shows and its one-line fix (absent in reports older than patterns).
        item.appendChild(el('p', 'pattern', [el('strong', null, ['pattern ']), el('code', null, [finding.pattern]),
          finding.fix ? '' : ' (no known shape matches this evidence)', finding.fix ? el('span', 'fix', ['fix: ' + finding.fix]) : '']));
      }
      var sli = finding.sli;
      var labels = Object.keys(sli.labels).filter(function (k) { return k !== 'site'; })
          .map(function (k) { return k + '=' + sli.labels[k]; });
      var dl = el('dl', 'numbers', [
        el('dt', null, ['measured']),
        el('dd', null, [el('code', null, [sli.name + (labels.length ? '{' + labels.join(', ') + '}' : '')]),
          ' = ' + withUnit(sli.value, sli.unit) + ' at worst (threshold ' + withUnit(sli.threshold, sli.unit) + ')']),
        el('dt', null, ['when']),
        el('dd', null, [utc(seconds(finding.first)) + ' to ' + utc(seconds(finding.last))
          + ' (' + span(seconds(finding.last) - seconds(finding.first)) + ')'
          + (finding.episodes > 1 ? ', in ' + finding.episodes + ' episodes' : '')]),
        el('dt', null, ['confidence']),
        el('dd', null, [finding.confidence + ': ' + (CONFIDENCE[finding.confidence] || '')]),
        el('dt', null, ['rule']),
        el('dd', null, [finding.rule])
      ]);
      item.appendChild(dl);
      var evidenceView = view.findings[index] ? view.findings[index].evidence : [];
      finding.evidence.forEach(function (evidence, e) {
        item.appendChild(evidenceBlock(finding, evidence, evidenceView[e] || {application: [], families: []}));
      });
      card.appendChild(item);
    });
  }

  function evidenceBlock(finding, evidence, ev) {
    if (evidence.frames.length === 0 && ev.families.length === 0) {
      // Nothing to fold away: numbers only (e.g. the collections behind GC pressure).
      return el('p', 'evidence flat', [el('strong', null, [ROLES[evidence.role] || evidence.role]),
        evidence.detail ? ': ' + evidence.detail : '']);
    }
    var summary = el('summary', null, [
      el('strong', null, [ROLES[evidence.role] || evidence.role]),
      evidence.detail ? ': ' + evidence.detail : '',
      evidence.frames.length ? ' (' + evidence.frames.length + ' stack lines)' : ''
    ]);
    var details = el('details', 'evidence', [summary]);
    var body = el('div', 'evidence-body');
    if (ev.families.length > 0) {
      var families = el('ul', 'families');
      ev.families.forEach(function (family) {
        families.appendChild(el('li', null, [
          el('code', 'family', [family.family]), ' \u00d7 ' + family.names.length + ': ' + family.names.join(', ')
        ]));
      });
      var more = evidence.count > evidence.threads.length && evidence.role === 'live-threads'
        ? ' (' + evidence.threads.length + ' of ' + evidence.count + ' shown)' : '';
      body.appendChild(el('div', 'threads', [el('span', 'caption', ['Threads, grouped by name' + more + ':']), families]));
    }
    if (evidence.frames.length > 0) {
      var siteLine = finding.site ? 'at ' + finding.site.frame : null;
      var stack = el('ol', 'stack');
      evidence.frames.forEach(function (line, i) {
        var cls = ev.application[i] ? 'app' : 'lib';
        if (line === siteLine) {
          cls += ' site-line';
        }
        stack.appendChild(el('li', cls, [line]));
      });
      body.appendChild(stack);
      body.appendChild(el('p', 'legend-note', ['Highlighted: application frames (not the JDK, not infrastructure '
        + 'from the catalog); bold: the site.']));
    }
    details.appendChild(body);
    return details;
  }

  // ---- plots ---------------------------------------------------------------------------------

  var plotsCard;
  var drawn = [];

  function plotArea(id, title, explanation) {
    var figure = el('figure', 'plot', [el('h3', null, [title]), el('p', 'explain', [explanation])]);
    figure.id = 'plot-' + id;
    plotsCard.appendChild(figure);
    return figure;
  }

  function missing(id, title, explanation, why) {
    var figure = plotArea(id, title, explanation);
    figure.className += ' missing';
    figure.appendChild(el('p', 'why-missing', ['Not drawn: ' + why]));
  }

  /** Shades each finding's window (first..last) under the series, labelled with its kind. */
  function windowsPlugin(marked) {
    return {
      hooks: {
        drawClear: function (u) {
          var ctx = u.ctx;
          marked.forEach(function (f) {
            var x0 = u.valToPos(seconds(f.first), 'x', true);
            var x1 = u.valToPos(seconds(f.last), 'x', true);
            var minWidth = 6 * devicePixelRatio;
            if (Math.abs(x1 - x0) < minWidth) {
              // A finding of one instant (a thread dump) still gets a band one can see.
              x0 -= minWidth / 2;
              x1 += minWidth / 2;
            }
            var plotRight = u.bbox.left + u.bbox.width;
            var left = Math.max(u.bbox.left, Math.min(x0, x1));
            var right = Math.min(plotRight, Math.max(x0, x1));
            if (right <= left) {
              return;
            }
            ctx.save();
            ctx.fillStyle = f.severity === 'critical' ? 'rgba(214,39,40,0.10)' : 'rgba(255,127,14,0.12)';
            ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
            ctx.fillStyle = f.severity === 'critical' ? '#b71c1c' : '#a85a00';
            ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
            var text = kindName(f.kind) + (f.site ? ' at ' + shortSite(f.site.frame) : '');
            var textWidth = ctx.measureText(text).width;
            // Inside the band from its left edge, or ending at the plot's right edge when it would not fit.
            var at = Math.min(left + 4 * devicePixelRatio, plotRight - textWidth - 4 * devicePixelRatio);
            ctx.fillText(text, Math.max(u.bbox.left, at), u.bbox.top + 12 * devicePixelRatio);
            ctx.restore();
          });
        }
      }
    };
  }

  /** A small box next to the cursor with the window's time and every series' value there. */
  function tooltipPlugin(format) {
    var tip;
    return {
      hooks: {
        init: function (u) {
          tip = el('div', 'tooltip');
          tip.style.display = 'none';
          u.over.appendChild(tip);
          u.over.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
        },
        setCursor: function (u) {
          var i = u.cursor.idx;
          if (i === null || i === undefined || u.cursor.left < 0) {
            tip.style.display = 'none';
            return;
          }
          while (tip.firstChild) {
            tip.removeChild(tip.firstChild);
          }
          tip.appendChild(el('div', 'tip-time', ['window ending ' + utc(u.data[0][i])]));
          u.series.forEach(function (s, k) {
            if (k === 0 || !s.show || u.data[k][i] === null || u.data[k][i] === undefined) {
              return;
            }
            var swatch = el('span', 'swatch');
            swatch.style.background = typeof s.stroke === 'function' ? s.stroke(u, k) : s.stroke;
            tip.appendChild(el('div', null, [swatch, s.label + ': ' + format(u.data[k][i], s)]));
          });
          tip.style.display = 'block';
          var left = u.cursor.left + 12;
          if (left + tip.offsetWidth > u.over.clientWidth) {
            left = u.cursor.left - tip.offsetWidth - 12;
          }
          tip.style.left = Math.max(0, left) + 'px';
          tip.style.top = Math.max(0, u.cursor.top - tip.offsetHeight - 8) + 'px';
        }
      }
    };
  }

  /**
   * Draws one plot. series: [{label, values, color, width, dash, scale, gaps}]; axes: {y: label, r: label}.
   */
  function chart(figure, series, options) {
    var holder = el('div', 'chart');
    figure.appendChild(holder);
    figure.appendChild(el('p', 'hint', ['Drag across the plot to zoom in, double-click to zoom out. '
      + 'Shaded: when a finding held.']));
    var format = options.format || function (v) { return number(v); };
    var axisFormat = function (u, values) { return values.map(function (v) { return format(v); }); };
    var scales = {x: {time: true}, y: {range: function (u, min, max) { return [Math.min(0, min), max > 0 ? max * 1.1 : 1]; }}};
    var axes = [{values: function (u, values) {
      return values.map(function (v) { return new Date(v * 1000).toISOString().substring(11, 19); });
    }}, {label: options.y, values: axisFormat, size: 70}];
    var right = series.some(function (s) { return s.scale === 'r'; });
    if (options.r && right) {
      scales.r = {range: function (u, min, max) { return [Math.min(0, min), max > 0 ? max * 1.1 : 1]; }};
      axes.push({side: 1, scale: 'r', label: options.r, grid: {show: false}, size: 60,
        values: function (u, values) { return values.map(function (v) { return (options.rFormat || number)(v); }); }});
    }
    var uSeries = [{label: 'time', value: function (u, v) { return v === null ? '–' : utc(v); }}];
    var data = [times];
    series.forEach(function (s) {
      uSeries.push({
        label: s.label,
        stroke: s.color,
        width: s.width || 1.5,
        dash: s.dash,
        scale: s.scale || 'y',
        spanGaps: !!s.spanGaps,
        points: {show: s.points !== undefined ? s.points : times.length < 60},
        value: function (u, v) { return v === null ? '–' : (s.scale === 'r' && options.rFormat ? options.rFormat(v) : format(v)); }
      });
      data.push(s.values);
    });
    var width = Math.max(480, holder.clientWidth || 900);
    var plot = new uPlot({
      width: width,
      height: 260,
      scales: scales,
      axes: axes,
      series: uSeries,
      cursor: {drag: {x: true, y: false}},
      legend: {live: true},
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); },
      plugins: [windowsPlugin(options.marked || []), tooltipPlugin(function (v, s) {
        return s.scale === 'r' && options.rFormat ? options.rFormat(v) : format(v);
      })]
    }, data, holder);
    drawn.push(plot);
    // How many values the plot holds, for the browser tests: a drawn plot must hold some.
    var points = 0;
    series.forEach(function (s) {
      s.values.forEach(function (v) {
        if (v !== null) {
          points++;
        }
      });
    });
    figure.setAttribute('data-points', String(points));
    return plot;
  }

  function siteSeries(all, problemSites, otherLabel, keyLabel) {
    return topSeries(all, problemSites, 'site', otherLabel).map(function (s, i) {
      return {
        label: s.other ? s.key : keyLabel(s),
        values: s.values,
        color: s.problem ? PROBLEM : s.other ? '#aaaaaa' : COLORS[i % COLORS.length],
        width: s.problem ? 3 : 1.5,
        dash: s.other ? [4, 4] : undefined
      };
    });
  }

  function problemSitesOf(kinds) {
    return findingsOf(kinds).filter(function (f) { return f.site; }).map(function (f) { return f.site.frame; });
  }

  function threadsPlot() {
    var title = 'Live threads by creation site';
    var explain = 'Platform threads alive at the end of each window, by the application code that started them. '
      + 'A leak is a line that only goes up; the site of a leak finding is drawn in red.';
    var kinds = ['thread-leak', 'creation-storm'];
    var all = seriesOf('threads.site.live', ['site'], {zero: true});
    if (all.length === 0) {
      missing('threads', title, explain, whyMissing(kinds, 'no thread was started from application code during the recording.'));
      return;
    }
    var series = siteSeries(all, problemSitesOf(kinds), 'other sites', function (s) { return shortSite(s.labels.site); });
    var total = seriesOf('threads.live', [])[0];
    if (total) {
      series.push({label: 'all live platform threads', values: total.values, color: '#444444', dash: [2, 3], width: 1});
    }
    chart(plotArea('threads', title, explain), series, {y: 'threads', marked: findingsOf(kinds)});
  }

  function blockingPlots() {
    var kinds = ['long-blocking', 'contention'];
    var problemSites = problemSitesOf(kinds);
    var none = whyMissing(kinds, 'no wait longer than the recording\'s thresholds (20 ms by default) ended during the recording.');
    var label = function (s) { return s.labels.kind + ' at ' + shortSite(s.labels.site); };
    var hasSite = function (labels) { return !!labels.site; };

    var title = 'Waits: p99 by site and kind';
    var explain = 'The 99th percentile of the waits (parks, lock enters, waits, sleeps, socket reads) that ended in each '
      + 'window, per application site. Gaps: no wait ended there in that window.';
    var p99 = seriesOf('blocked.p99', ['kind', 'site'], {filter: hasSite});
    if (p99.length === 0) {
      missing('blocked-p99', title, explain, none);
    } else {
      chart(plotArea('blocked-p99', title, explain), siteSeries(p99, problemSites, 'other sites', label),
        {y: 'ms', marked: findingsOf(kinds), format: function (v) { return number(v) + ' ms'; }});
    }

    title = 'Blocked time by site and kind';
    explain = 'How many threads were blocked there on average during each window (blocked time / window length).';
    var time = seriesOf('blocked.time.ratio', ['kind', 'site'], {filter: hasSite, zero: true});
    if (time.length === 0) {
      missing('blocked-time', title, explain, none);
    } else {
      chart(plotArea('blocked-time', title, explain), siteSeries(time, problemSites, 'other sites', label),
        {y: 'threads blocked', marked: findingsOf(kinds)});
    }
  }

  function stuckPlot() {
    var title = 'Stuck and deadlocked threads';
    var explain = 'Threads seen in thread dumps blocked at the same place, without a timeout, for longer than the stuck '
      + 'threshold (' + span(isoDurationSeconds(report.analysis.stuckThreshold)) + '), and threads in a deadlock, per window.';
    var kinds = ['blocked-forever', 'deadlock'];
    var stuck = seriesOf('threads.stuck', ['site', 'state'], {zero: true});
    var dead = seriesOf('threads.deadlocked', ['site'], {zero: true});
    if (stuck.length === 0 && dead.length === 0) {
      missing('stuck', title, explain, whyMissing(kinds, 'no thread was stuck or deadlocked in any thread dump of the recording.'));
      return;
    }
    var series = siteSeries(stuck, problemSitesOf(['blocked-forever']), 'other sites', function (s) {
      return shortSite(s.labels.site) + ' (' + s.labels.state + ')';
    });
    dead.forEach(function (s) {
      series.push({label: 'deadlocked at ' + shortSite(s.labels.site), values: s.values, color: '#000000', width: 2.5});
    });
    chart(plotArea('stuck', title, explain), series, {y: 'threads', marked: findingsOf(kinds)});
  }

  function heapPlot() {
    var title = 'Heap after garbage collection';
    var explain = 'Heap used after the last collection of each window, the live set (what survives the collections of '
      + 'the old generation) and the maximum heap. The dotted red line is the live set\'s trend over the last '
      + 'windows where it was measured: rising means memory is kept and never freed.';
    var kinds = ['heap-growth'];
    var used = seriesOf('heap.after_gc.used', [])[0];
    var live = seriesOf('heap.live', [])[0];
    var max = seriesOf('heap.max', [])[0];
    if (!used && !live) {
      missing('heap', title, explain, whyMissing(kinds, 'no garbage collection happened during the recording, so there is no heap-after-GC point.'));
      return;
    }
    var series = [];
    if (used) {
      series.push({label: 'used after GC', values: used.values, color: COLORS[0]});
    }
    if (live) {
      series.push({label: 'live set', values: live.values, color: COLORS[1], width: 2.5});
    }
    // The maximum heap is drawn only when the heap comes near it: 8 GiB above 50 MiB would flatten every line.
    var top = Math.max(used ? used.max : 0, live ? live.max : 0);
    if (max && top > 0.25 * max.max) {
      series.push({label: 'maximum heap', values: max.values, color: '#444444', dash: [6, 4], width: 1, points: false});
    } else if (max) {
      explain += ' The maximum heap, ' + bytes(max.max) + ', is far above: not drawn.';
    }
    var trend = trendLine(live);
    if (trend) {
      series.push({label: 'live-set trend', values: trend, color: PROBLEM, dash: [2, 3], width: 2, spanGaps: true, points: false});
    }
    // A full heap (gc-pressure on heap.live.ratio) shows here too.
    chart(plotArea('heap', title, explain), series, {y: 'heap', marked: findingsOf(kinds.concat(['gc-pressure'])),
      format: bytes});
  }

  /**
   * The trend of the live set at the last window that has a slope: a line through the live set
   * there, with heap.after_gc.slope, back over the analysis's trend span (8 windows).
   */
  function trendLine(live) {
    var slopes = slisByName['heap.after_gc.slope'] || [];
    if (!live || slopes.length === 0) {
      return null;
    }
    var last = slopes[slopes.length - 1];
    var end = timeIndex[seconds(last.time)];
    if (live.values[end] === null) {
      return null;
    }
    var spanSeconds = 8 * isoDurationSeconds(report.analysis.window);
    var start = end;
    while (start > 0 && times[end] - times[start - 1] <= spanSeconds) {
      start--;
    }
    var line = times.map(function () { return null; });
    line[end] = live.values[end];
    line[start] = live.values[end] - last.value * (times[end] - times[start]) / 3600;
    return line;
  }

  function gcPlot() {
    var title = 'Garbage-collection pauses';
    var explain = 'The 99th percentile of the collections\' longest pauses in each window (left), and the share of the '
      + 'window spent in pauses (right).';
    var kinds = ['gc-pressure'];
    var pause = seriesOf('gc.pause.p99', [])[0];
    var overhead = seriesOf('gc.overhead.ratio', [], {scale: 100})[0];
    if (!pause && !overhead) {
      missing('gc', title, explain, whyMissing(kinds, 'no garbage collection happened during the recording.'));
      return;
    }
    var series = [];
    if (pause) {
      series.push({label: 'pause p99', values: pause.values, color: COLORS[0]});
    }
    if (overhead) {
      series.push({label: 'time in GC pauses', values: overhead.values, color: COLORS[4], scale: 'r'});
    }
    chart(plotArea('gc', title, explain), series, {y: 'ms', r: '% of the window', marked: findingsOf(kinds),
      format: function (v) { return number(v) + ' ms'; }, rFormat: function (v) { return number(v) + ' %'; }});
  }

  function virtualThreadsPlot() {
    var title = 'Virtual threads: live and pinned';
    var explain = 'Virtual threads started and not yet ended at the end of each window (left), and waits that pinned '
      + 'their carrier thread (right).';
    var kinds = ['vthread-leak', 'vthread-pinning', 'vthread-submit-failed'];
    var live = seriesOf('vthreads.live', [])[0];
    var pinned = seriesOf('vthreads.pinned.count', [], {filter: function (labels) { return !labels.site; }})[0];
    var failed = seriesOf('vthreads.submit.failed', ['site'], {zero: true});
    if (!live && !pinned && failed.length === 0) {
      missing('vthreads', title, explain, whyMissing(['vthread-leak'], 'the recording has no virtual-thread events (virtual threads need JDK 21 or later).'));
      return;
    }
    var series = [];
    if (live) {
      series.push({label: 'live virtual threads', values: live.values, color: COLORS[2], width: 2});
    }
    if (pinned) {
      series.push({label: 'pinned waits', values: pinned.values, color: PROBLEM, scale: 'r'});
    }
    failed.forEach(function (s) {
      series.push({label: 'refused at ' + shortSite(s.labels.site), values: s.values, color: '#000000', scale: 'r'});
    });
    chart(plotArea('vthreads', title, explain), series, {y: 'threads', r: 'events per window', marked: findingsOf(kinds)});
  }

  function plots() {
    plotsCard = section('Over the recording\'s time', 'plots');
    plotsCard.appendChild(el('p', 'explain', ['One point per window of ' + span(isoDurationSeconds(report.analysis.window))
      + ' (' + report.analysis.windows + ' windows), at the window\'s end, in UTC. Point at a plot to read its values.']));
    if (times.length === 0) {
      plotsCard.appendChild(el('p', 'why-missing', ['Not drawn: the recording is too short for one window.']));
      return;
    }
    threadsPlot();
    blockingPlots();
    stuckPlot();
    heapPlot();
    gcPlot();
    virtualThreadsPlot();
  }

  // ---- limitations, settings, SLIs, explanations ---------------------------------------------

  function limitations() {
    var card = section('What this recording could not show', 'limitations');
    if (report.limitations.length === 0) {
      card.appendChild(el('p', null, ['Nothing: the recording had every event the analysis reads.']));
      return;
    }
    card.appendChild(el('p', 'explain', ['A problem of these kinds would not be found in this recording: '
      + 'its absence from the findings is not a sign of health.']));
    var list = el('ul', 'limitations');
    report.limitations.forEach(function (l) {
      list.appendChild(el('li', null, [el('strong', null, [l.kinds.map(kindName).join(', ') + ': ']), l.message,
        ' ', el('code', 'id', ['(' + l.id + ')'])]));
    });
    card.appendChild(list);
  }

  function settings() {
    var card = section('Recording and analysis', 'settings');
    var source = report.source;
    var rows = [
      ['file', source.name],
      ['size', bytes(source.bytes) + ', ' + source.chunks + (source.chunks === 1 ? ' chunk' : ' chunks')],
      ['read by', source.parser.name + ' parser' + (source.parser.fallback ? ': ' + source.parser.fallback : '')],
      ['JVM', (source.jvm.name || 'unknown') + ' ' + source.jvm.version + (source.jvm.cores ? ', ' + source.jvm.cores + ' cores' : '')],
      ['recorded', utc(seconds(source.start)) + ' to ' + utc(seconds(source.end))],
      ['windows', report.analysis.windows + ' of ' + span(isoDurationSeconds(report.analysis.window))],
      ['stuck threshold', span(isoDurationSeconds(report.analysis.stuckThreshold))],
      ['rules', report.analysis.rules.join(', ')],
      ['written by', report.tool.name + ' ' + report.tool.version]
    ];
    source.skipped.forEach(function (s) { rows.push(['not analyzed', s]); });
    var table = el('table', 'settings');
    rows.forEach(function (row) {
      table.appendChild(el('tr', null, [el('th', null, [row[0]]), el('td', null, [row[1]])]));
    });
    card.appendChild(table);
    card.appendChild(el('p', 'explain', ['The JFR settings of the recording are judged under What this recording could '
      + 'not show; the report does not list them one by one.']));
  }

  function sliTable() {
    var card = section('Every SLI', 'slis');
    var rows = {};
    report.slis.forEach(function (point) {
      var labels = Object.keys(point.labels).map(function (k) { return k + '=' + point.labels[k]; }).join(', ');
      var key = point.name + '\u0000' + labels;
      var row = rows[key];
      if (!row) {
        row = rows[key] = {name: point.name, labels: labels, n: 0, min: Infinity, max: -Infinity, last: null};
      }
      row.n++;
      row.min = Math.min(row.min, point.value);
      row.max = Math.max(row.max, point.value);
      row.last = point.value;
    });
    var keys = Object.keys(rows).sort();
    var details = el('details', 'sli-table', [el('summary', null, [keys.length + ' series of ' + report.slis.length
      + ' samples: the numbers the rules judge, per window (open to see them all)'])]);
    var table = el('table', 'slis');
    table.appendChild(el('tr', null, ['SLI', 'labels', 'unit', 'windows', 'min', 'max', 'last'].map(function (h) {
      return el('th', null, [h]);
    })));
    keys.forEach(function (k) {
      var r = rows[k];
      var unit = unitOf(r.name);
      var cell = function (v) { return el('td', 'num', [unit === 'bytes' ? bytes(v) : number(v)]); };
      var name = el('td', null, [el('code', null, [r.name])]);
      if (view.slis[r.name]) {
        name.title = view.slis[r.name].meaning;
      }
      table.appendChild(el('tr', null, [name, el('td', 'labels', [r.labels]), el('td', null, [unit]),
        el('td', 'num', [String(r.n)]), cell(r.min), cell(r.max), cell(r.last)]));
    });
    details.appendChild(table);
    card.appendChild(details);
  }

  function explanations() {
    if (report.explanations.length === 0) {
      return;
    }
    var card = section('Threads seen waiting that were not reported', 'explanations');
    var details = el('details', null, [el('summary', null, [report.explanations.length
      + ' decisions: why these waits were judged healthy, or had nothing of the application\'s to report (open to check them)'])]);
    var list = el('ul', 'explanations');
    report.explanations.forEach(function (x) {
      list.appendChild(el('li', null, [el('strong', null, [x.decision]), ' at ', el('code', null, [x.frame]), ': ' + x.reason
        + ' (' + (x.threads > 0 ? x.threads + ' threads, ' : '') + x.observations + ' observations)'
        + (x.names.length ? ': ' + x.names.join(', ') : '')]));
    });
    details.appendChild(list);
    card.appendChild(details);
  }

  document.title = (report.findings.length ? report.findings[0].severity.toUpperCase() + ' ' + kindName(report.findings[0].kind)
    : 'Healthy') + ': ' + report.source.name + ' (Threadwatch)';
  header();
  verdict();
  findings();
  plots();
  limitations();
  settings();
  sliTable();
  explanations();

  var resizing;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      drawn.forEach(function (plot) {
        var holder = plot.root.parentNode;
        plot.setSize({width: Math.max(480, holder.clientWidth), height: 260});
      });
    }, 100);
  });
})();
