;;; emacs_test.el --- Emacs end-to-end test of Editors/emacs/jdlint.el with eglot + flymake  -*- lexical-binding: t; -*-

;; Run by Tests/e2e/editors/run:  emacs --batch -l Tests/e2e/editors/emacs_test.el
;; Environment: JDLINT_BIN, JDLINT_EDITORS, JDLINT_WORK (scratch copies of the fixtures), JDLINT_EXPECTED.
;; Exits 0 when every check passes, 1 otherwise.  Waits are event-based (accept-process-output until the condition
;; holds) with a 5 s deadline.

(require 'cl-lib)
(require 'package)
(package-activate-all)                    ; elpa-eglot on Emacs 28 (built in on 29)

(defvar jt-passed 0)
(defvar jt-failed 0)
(defconst jt-deadline 5.0)

(defun jt-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun jt-check (ok what &optional detail)
  (if ok
      (progn (setq jt-passed (1+ jt-passed)) (jt-out "ok   %s" what))
    (setq jt-failed (1+ jt-failed))
    (jt-out "FAIL %s%s" what (if detail (format ": %s" detail) "")))
  ok)

(defun jt-wait (pred)
  "Process events until PRED returns non-nil or the deadline passes; return PRED's last value."
  (let ((end (+ (float-time) jt-deadline)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    v))

(defun jt-flush ()
  "Send pending changes now.  Eglot sends them from an idle timer, and idle timers never fire in batch mode."
  (when (fboundp 'eglot--signal-textDocument/didChange)
    (eglot--signal-textDocument/didChange)))

(defun jt-diags ()
  "The jdlint flymake diagnostics of the current buffer as (LINE COL END-LINE END-COL TYPE TEXT), 0-based
lines, columns in characters, sorted."
  (let (out)
    (dolist (d (flymake-diagnostics))
      (let* ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d))
             (pos (lambda (p) (save-excursion (goto-char p)
                                               (list (1- (line-number-at-pos p)) (- p (line-beginning-position)))))))
        (when (string-match-p "\\`jdlint" (flymake-diagnostic-text d))
          (push (append (funcall pos beg) (funcall pos end)
                        (list (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
                out))))
    (sort out (lambda (a b) (or (< (nth 0 a) (nth 0 b)) (and (= (nth 0 a) (nth 0 b)) (< (nth 1 a) (nth 1 b))))))))

(defun jt-describe (diags)
  (mapconcat (lambda (d) (format "%d:%d-%d:%d %s" (nth 0 d) (nth 1 d) (nth 2 d) (nth 3 d) (nth 5 d))) diags ", "))

(defun jt-file (path)
  (with-temp-buffer
    (let ((coding-system-for-read 'utf-8-unix)) (insert-file-contents path))
    (buffer-string)))

(defun jt-wait-diags (n)
  (jt-flush)
  (jt-wait (lambda () (= (length (jt-diags)) n))))

(defun jt-open (path)
  "Visit PATH, start eglot as M-x eglot does, and start flymake."
  (find-file path)
  ;; Later files of the same project are attached to the running server as they are visited.
  (unless (eglot-managed-p) (call-interactively #'eglot))
  (jt-wait (lambda () (eglot-managed-p)))
  (flymake-start))

(defun jt-run ()
  (let* ((bin (or (getenv "JDLINT_BIN") (error "JDLINT_BIN is not set")))
         (editors (or (getenv "JDLINT_EDITORS") (error "JDLINT_EDITORS is not set")))
         (work (or (getenv "JDLINT_WORK") (error "JDLINT_WORK is not set")))
         (expected (jt-file (or (getenv "JDLINT_EXPECTED") (error "JDLINT_EXPECTED is not set"))))
         (path (expand-file-name "barista.txt" work))
         (path2 (expand-file-name "barista-format.txt" work)))
    ;; As a user's init file would.
    (add-to-list 'load-path (expand-file-name "emacs" editors))
    (require 'jdlint)
    (setq jdlint-executable bin)
    (require 'eglot)
    (setq eglot-autoshutdown t)
    ;; Flymake's legacy backend (for compile-based checkers) only warns in a text buffer; many configs drop it.
    (remove-hook 'flymake-diagnostic-functions #'flymake-proc-legacy-flymake)

    ;; Scenario 1: diagnostics, positions, the article quick fix from the code-action menu, fix-all, save.
    (jt-open path)
    (jt-check (eq major-mode 'text-mode) "a .txt file opens in text-mode" major-mode)
    (jt-check (eglot-managed-p) "eglot manages the buffer")
    (jt-check (object-of-class-p (eglot-current-server) 'jdlint-eglot-server) "the server is jdlint's")
    (jt-check (jt-wait-diags 4) "4 diagnostics arrive within 5 s" (jt-describe (jt-diags)))
    ;; Columns in characters: line 5 starts with U+1F31F (one character, two UTF-16 units).
    (let ((want '((2 24 2 25 eglot-error "grammar/indefinite-article")
                  (3 37 3 40 eglot-warning "grammar/repeated-word")
                  (4 13 4 14 eglot-error "grammar/indefinite-article")
                  (8 32 8 33 eglot-error "grammar/indefinite-article")))
          (got (jt-diags)))
      (jt-check (and (= (length got) (length want))
                     (cl-every (lambda (w g)
                                 (and (equal (cl-subseq w 0 5) (cl-subseq g 0 5))
                                      (string-match-p (regexp-quote (format "[%s]" (nth 5 w))) (nth 5 g))))
                               want got))
                "diagnostic positions, rules and severities" (jt-describe got)))

    ;; The quick fix, as a user picks it with M-x eglot-code-actions on the finding of line 5.
    (goto-char (point-min))
    (forward-line 4)
    (forward-char 13)
    (let* ((offered nil)
           (before (buffer-modified-tick))
           (last-nonmenu-event ?\r))          ; a keyboard user: completing-read, not a popup menu
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt items &rest _)
                   (setq offered (mapcar #'car items))
                   (or (cl-find-if (lambda (title) (string-match-p "to “an”" title)) offered) ""))))
        (call-interactively #'eglot-code-actions))
      (jt-check (/= before (buffer-modified-tick)) "the article quick fix was applied" offered)
      (jt-check (cl-some (lambda (title) (string-match-p "Disable grammar/indefinite-article for this line" title))
                         offered)
                "the code-action menu offers 'Disable … for this line'" offered))
    (let ((line5 (save-excursion (goto-char (point-min)) (forward-line 4)
                                 (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))
      (jt-check (equal line5 "🌟 Zoë offers an annual bonus, free meals and a flexible schedule.")
                "line 5 after the quick fix" line5))
    (jt-check (jt-wait-diags 3) "3 diagnostics after the quick fix" (jt-describe (jt-diags)))

    ;; Fix all (M-x jdlint-fix-all), then save.
    (jdlint-fix-all)
    (jt-check (jt-wait-diags 0) "no diagnostics after fix-all" (jt-describe (jt-diags)))
    (save-buffer)
    (let ((written (jt-file path)))
      (jt-check (equal written expected) "the saved file is the expected fixed text" written))

    ;; Scenario 2: M-x eglot-format-buffer (= every safe fix) on a fresh copy.
    (jt-open path2)
    (jt-check (jt-wait-diags 4) "4 diagnostics in the second copy" (jt-describe (jt-diags)))
    (eglot-format-buffer)
    (save-buffer)
    (let ((formatted (jt-file path2)))
      (jt-check (equal formatted expected) "formatting gives the expected fixed text" formatted))

    ;; Scenario 3: with `jdlint-fix-on-save', saving applies every safe fix first.
    (setq jdlint-fix-on-save t)
    (jt-open (expand-file-name "barista-save.txt" work))
    (jt-check (jt-wait-diags 4) "4 diagnostics in the third copy" (jt-describe (jt-diags)))
    ;; Emacs saves only a modified buffer: type a character and erase it, as a user would have edited.
    (goto-char (point-max))
    (insert "x")
    (delete-char -1)
    (save-buffer)
    (let ((saved (jt-file (expand-file-name "barista-save.txt" work))))
      (jt-check (equal saved expected) "jdlint-fix-on-save: saving writes the fixed text" saved))

    ;; Nothing went wrong on the way: no error in *Messages*, the server still running.
    (let ((messages (with-current-buffer "*Messages*" (buffer-string))))
      (jt-check (not (string-match-p "\\(error\\|Error\\|ERROR\\)" messages)) "no error in *Messages*"
                (and (string-match ".*\\(error\\|Error\\|ERROR\\).*" messages) (match-string 0 messages))))
    (jt-check (jsonrpc-running-p (eglot-current-server)) "the server is still running")))

(condition-case err
    (jt-run)
  (error (setq jt-failed (1+ jt-failed))
         (jt-out "FAIL the test raised an error: %s" (error-message-string err))))
(ignore-errors (eglot-shutdown-all))
(jt-out "%d passed, %d failed" jt-passed jt-failed)
(kill-emacs (if (> jt-failed 0) 1 0))
