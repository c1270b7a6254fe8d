// The send ledger (SQLite through GRDB). Built in issue 6.
import PlaybookEngine
