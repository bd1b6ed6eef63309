;;; eglot-check.el --- Batch Emacs check of the eglot setup of docs/editors.md  -*- lexical-binding: t -*-

;; Run:
;;   ISMS_SNIPPET=/tmp/isms.el ISMS_FIXTURE=/tmp/copy-of-examples-flawed \
;;   ISMS_RESULT=/tmp/result.json emacs --batch -l test/editors/eglot-check.el
;;
;; Environment:
;;   ISMS_SNIPPET    the Emacs configuration to load (the elisp block of
;;                   docs/editors.md, with the path of dist/server.js filled in)
;;   ISMS_FIXTURE    folder of *.isms files (required)
;;   ISMS_RESULT     where to write the JSON result (required)
;;   ISMS_FILE       file to open, relative to the fixture (default: risks.isms)
;;   ISMS_REFERENCE  text of the line whose last word is hovered and followed
;;                   to its definition (default: "owner it-admin")
;;   ISMS_TIMEOUT    bound of every wait, in seconds (default: 20)
;;   ISMS_NAVIGATION 0: skip the hover and definition requests (default: 1)
;;
;; It loads the snippet, visits the file (which must turn on `isms-mode' and,
;; through `eglot-ensure', connect the server), waits until Flymake holds the
;; server's diagnostics and they have settled, asks for the hover (as
;; `eldoc' would, with the request eglot builds) and the definition (through
;; eglot's xref backend), writes the JSON result and exits: 0 when every step
;; worked, 1 on a Lisp error, 2 when a step timed out or failed.

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar isms-check--result nil "The result, an alist.")
(defvar isms-check--errors nil "What failed, newest first.")

(defun isms-check--env (name &optional default)
  (let ((value (getenv name)))
    (if (or (null value) (string-empty-p value)) default value)))

(defun isms-check--put (key value)
  (setq isms-check--result (cons (cons key value) (assq-delete-all key isms-check--result))))

(defun isms-check--fail (message)
  (push message isms-check--errors)
  (message "eglot-check: %s" message))

(defun isms-check--wait (seconds predicate)
  "Let processes run until PREDICATE is non-nil or SECONDS pass; its value."
  (let ((deadline (+ (float-time) seconds))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun isms-check--diagnostics ()
  "The Flymake diagnostics of the current buffer, as alists sorted by position."
  (let ((diagnostics (sort (copy-sequence (flymake-diagnostics))
                           (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
    (mapcar (lambda (d)
              (let* ((beg (flymake-diagnostic-beg d))
                     (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
                `((line . ,(line-number-at-pos beg))
                  (col . ,(save-excursion (goto-char beg) (1+ (current-column))))
                  (code . ,(plist-get lsp :code))
                  (type . ,(symbol-name (flymake-diagnostic-type d)))
                  (message . ,(flymake-diagnostic-text d)))))
            diagnostics)))

(defun isms-check--capable (capability)
  "Whether the current server announces CAPABILITY (eglot 1.9 to 1.17+ names)."
  (if (fboundp 'eglot-server-capable)
      (eglot-server-capable capability)
    (eglot--server-capable capability)))

(defun isms-check--location (xref)
  (let* ((location (xref-item-location xref))
         (file (xref-location-group location))
         (line (xref-location-line location)))
    `((path . ,file) (file . ,(file-name-nondirectory file)) (line . ,line))))

(defun isms-check--main ()
  (let* ((snippet (or (isms-check--env "ISMS_SNIPPET") (error "ISMS_SNIPPET is not set")))
         (fixture (or (isms-check--env "ISMS_FIXTURE") (error "ISMS_FIXTURE is not set")))
         (file (expand-file-name (isms-check--env "ISMS_FILE" "risks.isms") fixture))
         (reference (isms-check--env "ISMS_REFERENCE" "owner it-admin"))
         (timeout (string-to-number (isms-check--env "ISMS_TIMEOUT" "20"))))
    (or (isms-check--env "ISMS_RESULT") (error "ISMS_RESULT is not set"))
    ;; Debian's elpa-eglot (Emacs 28) is a package: activate it as an init file would.
    (unless (locate-library "eglot") (package-initialize))
    (load snippet nil t)
    (require 'eglot)
    (isms-check--put 'emacs emacs-version)
    (isms-check--put 'eglot (or (ignore-errors
                                   (package-version-join (package-desc-version (cadr (assq 'eglot package-alist)))))
                                 "built-in"))
    (find-file file)
    (isms-check--put 'mode (symbol-name major-mode))
    (unless (eq major-mode 'isms-mode) (error "%s opened in %s, not isms-mode" file major-mode))
    ;; eglot-ensure connects after the current command; batch Emacs runs none.
    (run-hooks 'post-command-hook)
    (unless (isms-check--wait timeout (lambda () (and (eglot-current-server) eglot--managed-mode)))
      (error "eglot did not connect to the server within %s s" timeout))
    (let ((server (eglot-current-server))
          (last nil) (since (float-time)))
      (isms-check--put 'server (format "%S" (process-command (jsonrpc--process server))))
      (isms-check--put 'flymake (if flymake-mode "on" "off"))
      ;; Flymake asks its backends on changes and idle timers; ask it here.
      (if (not (isms-check--wait
                timeout
                (lambda ()
                  (flymake-start)
                  (accept-process-output nil 0.2)
                  (let ((now (isms-check--diagnostics)))
                    (unless (equal now last) (setq last now since (float-time)))
                    (and now (> (- (float-time) since) 1.0))))))
          (isms-check--fail (format "diagnostics: none settled within %s s" timeout)))
      (isms-check--put 'diagnostics (vconcat (isms-check--diagnostics)))
      ;; The reference: point one character into the last word of the line.
      (goto-char (point-min))
      (cond
       ((equal (isms-check--env "ISMS_NAVIGATION" "1") "0"))
       ((not (search-forward reference nil t))
        (error "no line of %s contains %S" file reference))
       (t
        (backward-char (1- (length (car (last (split-string reference))))))
        (isms-check--put 'position `((line . ,(line-number-at-pos)) (character . ,(current-column))))
        (condition-case err
            (if (not (isms-check--capable :hoverProvider))
                (isms-check--fail "textDocument/hover: the server does not announce this capability")
              (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)
                                             :timeout timeout))
                     (contents (and hover (plist-get hover :contents))))
                (isms-check--put 'hover `((markdown . ,(if (stringp contents) contents (plist-get contents :value)))))))
          (error (isms-check--fail (format "textDocument/hover: %s" (error-message-string err)))))
        (condition-case err
            (if (not (isms-check--capable :definitionProvider))
                (isms-check--fail "textDocument/definition: the server does not announce this capability")
              (let* ((identifier (xref-backend-identifier-at-point 'eglot))
                     (found (xref-backend-definitions 'eglot identifier)))
                (isms-check--put 'definition (vconcat (mapcar #'isms-check--location found)))
                (unless found (isms-check--fail "textDocument/definition: no location"))))
          (error (isms-check--fail (format "textDocument/definition: %s" (error-message-string err)))))))
      (ignore-errors (eglot-shutdown server nil 3)))))

(let ((status 0))
  (condition-case err
      (isms-check--main)
    (error (isms-check--put 'fatal (error-message-string err))
           (isms-check--fail (error-message-string err))
           (setq status 1)))
  (when (and (= status 0) isms-check--errors) (setq status 2))
  (isms-check--put 'errors (vconcat (reverse isms-check--errors)))
  (when-let ((path (getenv "ISMS_RESULT")))
    (with-temp-file path
      (insert (json-encode isms-check--result))))
  (kill-emacs status))

;;; eglot-check.el ends here
