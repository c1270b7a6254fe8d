import Testing
import PlaybookLedger
