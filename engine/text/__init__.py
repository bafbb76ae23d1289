"""Text generation: the runner the front ends call and the llama.cpp worker."""
