# roadmap
