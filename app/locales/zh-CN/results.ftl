# results
