// Progressive enhancements of every page; each page works without them.
// 1. On small screens, the navigation folds behind a menu button.
// 2. On wide screens, the filter panels of lists start open.
// 3. Buttons marked data-dialog open their <dialog>.
// 4. A form marked data-unsaved-warning asks before the page is left with
//    changes that were not sent (people lost long proposals that way).
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  var button = document.querySelector('.menu-button');
  var nav = document.getElementById('site-nav');
  if (button && nav) {
    var setOpen = function (open) {
      nav.setAttribute('data-open', open ? 'true' : 'false');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    setOpen(false);
    button.addEventListener('click', function () {
      setOpen(nav.getAttribute('data-open') !== 'true');
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && nav.getAttribute('data-open') === 'true') {
        setOpen(false);
        button.focus();
      }
    });
  }

  // Wide screens have room for the filters: open their panel.
  if (window.matchMedia && window.matchMedia('(min-width: 60rem)').matches) {
    document.querySelectorAll('details.filters-panel').forEach(function (d) { d.open = true; });
  }

  // Buttons that open a modal dialog (<dialog>, closed by its own form).
  document.querySelectorAll('[data-dialog]').forEach(function (b) {
    var dialog = document.getElementById(b.getAttribute('data-dialog'));
    if (dialog && dialog.showModal) {
      b.addEventListener('click', function () { dialog.showModal(); });
    }
  });

  var snapshot = function (form) {
    var parts = [];
    new FormData(form).forEach(function (v, k) {
      if (k !== '_csrf') parts.push(k + '=' + (typeof v === 'string' ? v : v.name + ':' + v.size));
    });
    return parts.join('&');
  };
  var watched = [];
  document.querySelectorAll('form[data-unsaved-warning]').forEach(function (form) {
    var entry = { form: form, initial: snapshot(form), sending: false };
    form.addEventListener('submit', function () { entry.sending = true; });
    watched.push(entry);
  });
  if (watched.length) {
    window.addEventListener('beforeunload', function (e) {
      var dirty = watched.some(function (w) { return !w.sending && snapshot(w.form) !== w.initial; });
      if (dirty) {
        e.preventDefault();
        e.returnValue = '';
      }
    });
  }
})();

/* Buttons with data-confirm ask before an action that replaces work
   (grouping a synthesis again). Without JavaScript the action goes ahead. */
(function () {
  document.addEventListener('submit', function (e) {
    var b = e.submitter;
    if (b && b.dataset.confirm && !window.confirm(b.dataset.confirm)) e.preventDefault();
  });
})();

/* The back office's font choice: the preview shows each family as soon as
   it is chosen. Without JavaScript the preview shows the saved fonts. */
(function () {
  var preview = document.querySelector('[data-font-preview]');
  if (!preview) return;
  document.querySelectorAll('select[data-font-target]').forEach(function (select) {
    var apply = function () {
      var family = select.options[select.selectedIndex].dataset.family;
      var targets = select.dataset.fontTarget === 'body'
        ? preview.querySelectorAll('[data-preview="body"]')
        : preview.querySelectorAll('[data-preview="heading"]');
      targets.forEach(function (el) { el.style.fontFamily = family || ''; });
    };
    select.addEventListener('change', apply);
    apply();
  });
})();

/* Carousels (the home page's highlights) get previous and next buttons when
   there is something to scroll to. Without JavaScript the list still
   scrolls sideways, by keyboard too (the region takes focus). */
(function () {
  document.querySelectorAll('button[data-carousel]').forEach(function (b) {
    var track = document.getElementById(b.getAttribute('data-carousel'));
    if (!track) { return; }
    // The buttons show only when there is something to scroll to.
    var show = function () { b.parentElement.hidden = track.scrollWidth <= track.clientWidth; };
    show();
    window.addEventListener('resize', show);
    b.addEventListener('click', function () {
      var item = track.querySelector('li');
      var step = item ? item.getBoundingClientRect().width + 16 : track.clientWidth;
      track.scrollBy({ left: step * Number(b.getAttribute('data-step')), behavior: 'smooth' });
    });
  });
})();
