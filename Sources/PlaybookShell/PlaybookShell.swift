// The interactive shell: line editor (libedit) and commands. Built in issue 4.
import PlaybookEngine
