// What the dashboard's scripts share: building DOM nodes (text always goes in as text, never as HTML) and formatting
// numbers, durations and times for operators.
'use strict';

const Dom = (() => {
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'className') {
        node.className = value;
      } else if (name.startsWith('on')) {
        node.addEventListener(name.substring(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.flat().forEach(child => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : String(child));
      }
    });
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function fill(tbody, rows, columns, emptyText) {
    tbody.replaceChildren(...(rows.length ? rows : [el('tr', { className: 'empty' },
      el('td', { colspan: columns }, emptyText))]));
  }

  // ---- formatting

  const integer = new Intl.NumberFormat('en-US');

  function count(value) {
    return value === null || value === undefined ? '–' : integer.format(value);
  }

  function rate(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return value >= 10 ? integer.format(Math.round(value)) : value.toFixed(1);
  }

  function percent(value) {
    if (value === null || value === undefined) {
      return '–';
    }
    return (value === 0 ? '0' : value >= 0.1 ? (value * 100).toFixed(0) : (value * 100).toFixed(1)) + ' %';
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '–';
    }
    if (seconds < 10) {
      return seconds.toFixed(1) + ' s';
    }
    if (seconds < 120) {
      return Math.round(seconds) + ' s';
    }
    if (seconds < 7200) {
      return Math.round(seconds / 60) + ' min';
    }
    return Math.round(seconds / 3600) + ' h';
  }

  function clock(date) {
    return date.toLocaleTimeString('en-GB', { hour12: false });
  }

  function time(iso) {
    if (!iso) {
      return '–';
    }
    const date = new Date(iso);
    const today = new Date().toDateString() === date.toDateString();
    return today ? clock(date) : date.toLocaleDateString('en-CA') + ' ' + clock(date);
  }

  function badge(text) {
    return el('span', { className: 'badge ' + text }, text);
  }

  return { el, $, fill, count, rate, percent, duration, clock, time, badge };
})();
