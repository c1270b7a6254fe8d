/// `did you mean 'x'?` for the closest of `names`, if any is close.
func suggestion(_ word: String, among names: [String]) -> String? {
  NearNames.closest(to: word, in: names).map { "did you mean '\($0)'?" }
}
