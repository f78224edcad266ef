// LineEditor: line editing on libedit.
import CEditLineShim
