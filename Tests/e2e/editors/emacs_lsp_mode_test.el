;;; emacs_lsp_mode_test.el --- Emacs end-to-end test of Editors/emacs/jdlint.el with lsp-mode + flymake  -*- lexical-binding: t; -*-

;; Run by Tests/e2e/editors/run:  emacs --batch -l Tests/e2e/editors/emacs_lsp_mode_test.el
;; Environment as emacs_test.el.  lsp-mode (8.0, Debian's elpa-lsp-mode) takes an LSP `character' as an Emacs
;; character count, not UTF-16 units: a character outside the Basic Multilingual Plane (an emoji) before a finding
;; shifts it by one.  So this scenario uses the fixture with its emoji replaced by "*" (accented letters stay:
;; they are one UTF-16 unit and one Emacs character).

(require 'cl-lib)
(require 'package)
(package-activate-all)

(defvar jt-passed 0)
(defvar jt-failed 0)
(defconst jt-deadline 5.0)

(defun jt-out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))

(defun jt-check (ok what &optional detail)
  (if ok
      (progn (setq jt-passed (1+ jt-passed)) (jt-out "ok   %s" what))
    (setq jt-failed (1+ jt-failed))
    (jt-out "FAIL %s%s" what (if detail (format ": %s" detail) "")))
  ok)

(defun jt-wait (pred)
  (let ((end (+ (float-time) jt-deadline)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    v))

(defun jt-diags ()
  "The flymake diagnostics (jdlint is the only backend) as (LINE COL END-LINE END-COL TYPE TEXT), 0-based, columns in characters."
  (let (out)
    (dolist (d (flymake-diagnostics))
      (let ((pos (lambda (p) (save-excursion (goto-char p)
                                              (list (1- (line-number-at-pos p)) (- p (line-beginning-position)))))))
        (progn ; lsp-mode leaves the rule id out of the text: every diagnostic of the buffer counts
          (push (append (funcall pos (flymake-diagnostic-beg d)) (funcall pos (flymake-diagnostic-end d))
                        (list (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
                out))))
    (sort out (lambda (a b) (or (< (nth 0 a) (nth 0 b)) (and (= (nth 0 a) (nth 0 b)) (< (nth 1 a) (nth 1 b))))))))

(defun jt-describe (diags)
  (mapconcat (lambda (d) (format "%d:%d-%d:%d %s %s" (nth 0 d) (nth 1 d) (nth 2 d) (nth 3 d) (nth 4 d) (nth 5 d)))
             diags ", "))

(defun jt-file (path)
  (with-temp-buffer
    (let ((coding-system-for-read 'utf-8-unix)) (insert-file-contents path))
    (buffer-string)))

(defun jt-no-emoji (text) (replace-regexp-in-string "🌟" "*" text))

(defun jt-run ()
  (let* ((bin (or (getenv "JDLINT_BIN") (error "JDLINT_BIN is not set")))
         (editors (or (getenv "JDLINT_EDITORS") (error "JDLINT_EDITORS is not set")))
         (work (or (getenv "JDLINT_WORK") (error "JDLINT_WORK is not set")))
         (expected (jt-no-emoji (jt-file (or (getenv "JDLINT_EXPECTED") (error "JDLINT_EXPECTED is not set")))))
         (path (expand-file-name "barista-lsp-mode.txt" work)))
    (with-temp-file path (insert (jt-no-emoji (jt-file (expand-file-name "barista.txt" work)))))
    (require 'lsp-mode)
    (add-to-list 'load-path (expand-file-name "emacs" editors))
    (require 'jdlint)
    (setq jdlint-executable bin
          lsp-diagnostics-provider :flymake
          lsp-enable-snippet nil
          lsp-keep-workspace-alive nil
          lsp-session-file (expand-file-name "lsp-session" work))
    (remove-hook 'flymake-diagnostic-functions #'flymake-proc-legacy-flymake)

    (find-file path)
    ;; M-x lsp asks once which project root to import; answer it in advance.
    (lsp-workspace-folders-add work)
    (lsp)
    (jt-check (jt-wait (lambda () (and (lsp-workspaces) (eq (lsp--workspace-status (car (lsp-workspaces))) 'initialized))))
              "lsp-mode starts the jdlint server")
    (jt-check (equal (mapcar #'lsp--workspace-server-id (lsp-workspaces)) '(jdlint)) "the server is jdlint"
              (mapcar #'lsp--workspace-server-id (lsp-workspaces)))
    (flymake-start)
    (jt-check (jt-wait (lambda () (= (length (jt-diags)) 4))) "4 diagnostics arrive within 5 s" (jt-describe (jt-diags)))
    (let ((want '((2 24 2 25 :error) (3 37 3 40 :warning) (4 13 4 14 :error) (8 32 8 33 :error)))
          (got (jt-diags)))
      (jt-check (and (= (length got) 4)
                     (cl-every (lambda (w g) (and (equal (cl-subseq w 0 4) (cl-subseq g 0 4))
                                                  (memq (nth 4 g) (if (eq (nth 4 w) :error) '(:error eglot-error) '(:warning eglot-warning)))))
                               want got))
                "diagnostic positions and severities" (jt-describe got)))

    ;; The article quick fix of line 9 from M-x lsp-execute-code-action.
    (goto-char (point-min))
    (forward-line 8)
    (forward-char 32)
    (let ((offered nil) (tick (buffer-modified-tick)))
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (setq offered (mapcar (lambda (x) (if (consp x) (car x) x)) items))
                   (or (cl-find-if (lambda (title) (string-match-p "to “an”" title)) offered) ""))))
        (call-interactively #'lsp-execute-code-action))
      (jt-check (/= tick (buffer-modified-tick)) "the article quick fix was applied" offered))
    (jt-check (equal (save-excursion (goto-char (point-min)) (forward-line 8)
                                     (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
                     "- One year of experience behind an espresso bar")
              "line 9 after the quick fix")
    (jt-check (jt-wait (lambda () (= (length (jt-diags)) 3))) "3 diagnostics after the quick fix" (jt-describe (jt-diags)))

    ;; M-x jdlint-fix-all, then save.
    (jdlint-fix-all)
    (jt-check (jt-wait (lambda () (= (length (jt-diags)) 0))) "no diagnostics after fix-all" (jt-describe (jt-diags)))
    (save-buffer)
    (let ((written (jt-file path)))
      (jt-check (equal written expected) "the saved file is the expected fixed text" written))))

(condition-case err
    (jt-run)
  (error (setq jt-failed (1+ jt-failed))
         (jt-out "FAIL the test raised an error: %s" (error-message-string err))))
(ignore-errors (lsp-workspace-shutdown (car (lsp-workspaces))))
(jt-out "%d passed, %d failed" jt-passed jt-failed)
(kill-emacs (if (> jt-failed 0) 1 0))
