import Testing
import PlaybookShell
