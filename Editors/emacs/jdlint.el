;;; jdlint.el --- Lint job descriptions with the jdlint language server  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools, wp
;; URL: https://github.com/jdlint/jdlint

;;; Commentary:

;; Registers `jdlint lsp' with eglot (built into Emacs 29+, the `elpa-eglot' package or GNU ELPA on Emacs 28)
;; and with lsp-mode, for plain-text, Markdown and HTML buffers.
;;
;;   (add-to-list 'load-path "/path/to/jdlint/Editors/emacs")
;;   (require 'jdlint)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)   ; or M-x eglot in a posting
;;
;; Findings appear through flymake (eglot) or flycheck/lsp-diagnostics (lsp-mode).  Quick fixes are code
;; actions (M-x eglot-code-actions); M-x jdlint-fix-all applies every safe fix; M-x eglot-format-buffer does
;; the same through formatting.  See README.md next to this file.

;;; Code:

(require 'cl-lib)

(defgroup jdlint nil
  "Lint job descriptions with jdlint."
  :group 'tools
  :prefix "jdlint-")

(defcustom jdlint-executable "jdlint"
  "The jdlint program: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom jdlint-settings nil
  "The server's `jdlint' settings, a plist sent at start-up.
Keys: :rules (a plist of rule id to level,
e.g. (:grammar/repeated-word \"off\")), :profile (a string or a
vector of strings), :unsafeFixes (t or :json-false), :debounceMs (a
number).  They are laid over the project's .jdlint.json.  Restart the
server (M-x eglot-reconnect) after a change."
  :type 'plist)

(defcustom jdlint-modes
  '((mhtml-mode :language-id "html")
    (html-mode :language-id "html")
    (gfm-mode :language-id "markdown")
    (markdown-mode :language-id "markdown")
    (text-mode :language-id "plaintext"))
  "Major modes handed to jdlint, most specific first, with language ids.
Eglot matches derived modes too: `text-mode' covers every mode
derived from it that no other entry of `eglot-server-programs'
claims first (jdlint's text-mode entry is appended at the end for
that reason, while the Markdown and HTML entries are put first).
Add (js-json-mode :language-id \"json\") for JSON-LD postings."
  :type '(repeat sexp))

(defcustom jdlint-fix-on-save nil
  "When non-nil, apply every safe fix before saving.
Only in buffers where jdlint runs (source.fixAll.jdlint)."
  :type 'boolean)

(defun jdlint--command ()
  "The command line of the server."
  (list jdlint-executable "lsp"))

(defun jdlint--initialization-options ()
  "The initializationOptions: the `jdlint' settings section."
  (list :jdlint (or jdlint-settings (make-hash-table))))

;;;; eglot

(defvar eglot-server-programs)
(declare-function eglot-code-actions "eglot")
(declare-function eglot-current-server "eglot")
(declare-function eglot--current-server-or-lose "eglot")
(declare-function eglot-managed-p "eglot")
(declare-function eieio-object-class "eieio")
(declare-function child-of-class-p "eieio")

;; Defined by the `defclass' below once eglot is loaded (its type predicate, used by `cl-defmethod').
(declare-function jdlint-eglot-server--eieio-childp "jdlint")

(with-eval-after-load 'eglot
  (defclass jdlint-eglot-server (eglot-lsp-server) ()
    :documentation "The jdlint language server.")

  (cl-defmethod eglot-initialization-options ((_server jdlint-eglot-server))
    (jdlint--initialization-options))

  (let* ((contact (lambda (&rest _) (cons 'jdlint-eglot-server (jdlint--command))))
         (text (cl-remove-if-not (lambda (m) (eq (car-safe m) 'text-mode)) jdlint-modes))
         (others (cl-remove-if (lambda (m) (eq (car-safe m) 'text-mode)) jdlint-modes)))
    (when others (add-to-list 'eglot-server-programs (cons others contact)))
    (when text (add-to-list 'eglot-server-programs (cons text contact) t))))

(defun jdlint--eglot-server-p ()
  "Non-nil when the current buffer is managed by eglot with jdlint."
  (and (fboundp 'eglot-managed-p) (eglot-managed-p)
       (let ((server (eglot-current-server)))
         (and server
              (child-of-class-p (eieio-object-class server) 'jdlint-eglot-server)))))

;;;; lsp-mode

(defvar lsp-language-id-configuration)
(declare-function lsp-register-client "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-activate-on "lsp-mode")
(declare-function lsp-execute-code-action-by-kind "lsp-mode")
(declare-function lsp-workspaces "lsp-mode")
(declare-function lsp--workspace-server-id "lsp-mode")

(with-eval-after-load 'lsp-mode
  (dolist (m jdlint-modes)
    (let ((mode (car-safe m)) (id (plist-get (cdr-safe m) :language-id)))
      (when (and mode id (not (assq mode lsp-language-id-configuration)))
        (add-to-list 'lsp-language-id-configuration (cons mode id) t))))
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'jdlint--command)
    :activation-fn (lsp-activate-on "plaintext" "markdown" "html")
    :initialization-options #'jdlint--initialization-options
    :add-on? t
    :priority -1
    :server-id 'jdlint)))

(defun jdlint--lsp-mode-p ()
  "Non-nil when lsp-mode runs jdlint in the current buffer."
  (and (bound-and-true-p lsp-mode) (fboundp 'lsp-workspaces)
       (cl-some (lambda (w) (eq (lsp--workspace-server-id w) 'jdlint)) (lsp-workspaces))))

;;;; Commands

;;;###autoload
(defun jdlint-fix-all ()
  "Apply every safe jdlint fix of the buffer (source.fixAll.jdlint)."
  (interactive)
  (cond
   ((jdlint--eglot-server-p)
    (condition-case err
        (eglot-code-actions (point-min) (point-max) "source.fixAll.jdlint" t)
      (error (message "jdlint: %s" (error-message-string err)))))
   ((jdlint--lsp-mode-p)
    (lsp-execute-code-action-by-kind "source.fixAll.jdlint"))
   (t (user-error "jdlint is not running in this buffer (M-x eglot or M-x lsp)"))))

(defun jdlint--before-save ()
  "Fix everything before saving, when `jdlint-fix-on-save' is set."
  (when (and jdlint-fix-on-save (or (jdlint--eglot-server-p) (jdlint--lsp-mode-p)))
    (jdlint-fix-all)))

(add-hook 'before-save-hook #'jdlint--before-save)

(provide 'jdlint)
;;; jdlint.el ends here
