# hiring
