/*
 * Progressive enhancement of the listing form's photo upload (<form data-photo-upload>): the form is sent with
 * XMLHttpRequest so that its upload progress can be shown in a <progress> bar and, in words, in a live region (the
 * words come from the form's data-progress-text, "{0}" standing for the percentage, in the page's language). The
 * button is disabled while the photo is sent. Web answers the form as it does without JavaScript (a redirect to the
 * listing form, with its notice or the refusal beside the file field): that page's <main> replaces this one's.
 * Without JavaScript, or in a browser without FormData, the form is posted as usual.
 * A file larger than data-max-bytes (listings' limit) is refused beside the file field at once, as web would show
 * listings' refusal, without being sent.
 * The highest percentage shown is kept in <body data-photo-upload-progress> (it survives the replaced <main>).
 */
(function () {
  'use strict';

  function words(form, percent) {
    return (form.getAttribute('data-progress-text') || '{0} %').replace('{0}', String(percent));
  }

  function recordHighest(percent) {
    var highest = Number(document.body.getAttribute('data-photo-upload-progress') || '-1');
    if (percent > highest) {
      document.body.setAttribute('data-photo-upload-progress', String(percent));
    }
  }

  function failed(form, button, status) {
    status.textContent = form.getAttribute('data-failed-text') || '';
    status.classList.add('failed');
    button.disabled = false;
    form.removeAttribute('aria-busy');
  }

  function show(answer, url) {
    var main = document.querySelector('main');
    var received = answer && answer.querySelector('main');
    if (!main || !received) {
      return false;
    }
    main.innerHTML = received.innerHTML;
    if (answer.title) {
      document.title = answer.title;
    }
    if (url && window.history && url !== window.location.href) {
      window.history.replaceState(null, '', url);
    }
    // where the person's attention goes, as after a page load: the refusal beside the field, else the notice
    var focus = main.querySelector('#photo-erreur') || main.querySelector('.notice') || main.querySelector('h1');
    if (focus) {
      focus.setAttribute('tabindex', '-1');
      focus.focus();
    }
    return true;
  }

  /** Shows a refusal beside the file field, as the page does after web's answer (p#photo-erreur before the form). */
  function refuse(form, text) {
    var input = form.querySelector('input[type="file"]');
    var problem = document.getElementById('photo-erreur');
    if (!problem) {
      problem = document.createElement('p');
      problem.id = 'photo-erreur';
      problem.className = 'problem';
      problem.setAttribute('role', 'alert');
      form.parentNode.insertBefore(problem, form);
    }
    problem.textContent = text;
    input.setAttribute('aria-describedby', 'photo-erreur');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  function tooLarge(form) {
    var input = form.querySelector('input[type="file"]');
    var max = Number(form.getAttribute('data-max-bytes') || '0');
    return max > 0 && input && input.files && input.files.length > 0 && input.files[0].size > max;
  }

  function send(form) {
    var button = form.querySelector('button[type="submit"]');
    var box = form.querySelector('.upload-progress');
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    var token = form.querySelector('input[name="_csrf"]');
    var spoken = -1;
    var xhr = new XMLHttpRequest();

    function progress(percent) {
      bar.value = percent;
      recordHighest(percent);
      // the live region speaks every tenth, not every event
      var step = Math.floor(percent / 10) * 10;
      if (step !== spoken) {
        spoken = step;
        status.textContent = words(form, percent);
      }
    }

    xhr.open('POST', form.action);
    xhr.responseType = 'document';
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    if (token) {
      xhr.setRequestHeader('X-CSRF-TOKEN', token.value);
    }
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable && event.total > 0) {
        progress(Math.min(100, Math.floor((event.loaded * 100) / event.total)));
      }
    });
    xhr.addEventListener('load', function () {
      var answer = xhr.response;
      var url = xhr.responseURL || '';
      var listingForm = answer && answer.querySelector('form[data-photo-upload]');
      if (!listingForm && xhr.status < 400 && url) {
        // not the listing form (e.g. identity's sign-in once the session has ended): go there as a whole page
        window.location.assign(url);
        return;
      }
      // the listing form with its notice or refusal, or an error page, as the form without JavaScript shows it
      if (!show(answer, listingForm ? url : null)) {
        failed(form, button, status);
      }
    });
    xhr.addEventListener('error', function () {
      failed(form, button, status);
    });
    xhr.addEventListener('abort', function () {
      failed(form, button, status);
    });

    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    status.classList.remove('failed');
    box.hidden = false;
    progress(0);
    xhr.send(new FormData(form));
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-photo-upload')
        || typeof FormData === 'undefined' || !form.querySelector('progress')) {
      return;
    }
    event.preventDefault();
    if (tooLarge(form)) {
      refuse(form, form.getAttribute('data-too-large-text') || '');
      return;
    }
    send(form);
  });
}());
