"""The notebook's model classes for exercises 01.2-01.5, verbatim from the course's worked solutions (notebook 01,
"Transformers From Scratch": exercises 2, 3, 4 and 5 of notebook_solutions.txt, as its runnable script has them),
and only them: no training loops, plots or prints. MultiHeadAttention and causal_mask are here because
TransformerBlock and CausalSelfAttention call them. Imported by make_pytorch_fixtures.py, make_adam_steps.py and
bench/copy_task_pytorch.py."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SingleHeadAttention(nn.Module):
    def __init__(self, d_model):
        super().__init__()
        self.W_q = nn.Linear(d_model, d_model)
        self.W_k = nn.Linear(d_model, d_model)
        self.W_v = nn.Linear(d_model, d_model)
        self.scale = d_model ** 0.5

    def forward(self, x):
        Q, K, V = self.W_q(x), self.W_k(x), self.W_v(x)
        attn = F.softmax(Q @ K.transpose(-2, -1) / self.scale, dim=-1)
        return attn @ V, attn

class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.W_q = nn.Linear(d_model, d_model)
        self.W_k = nn.Linear(d_model, d_model)
        self.W_v = nn.Linear(d_model, d_model)
        self.W_o = nn.Linear(d_model, d_model)
        self.scale = self.d_head ** 0.5

    def forward(self, x):
        B, T, D = x.shape
        Q = self.W_q(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        K = self.W_k(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        V = self.W_v(x).view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        attn = F.softmax(Q @ K.transpose(-2, -1) / self.scale, dim=-1)
        out = (attn @ V).transpose(1, 2).contiguous().view(B, T, D)
        return self.W_o(out), attn  # attn shape: (B, n_heads, T, T)

class TransformerBlock(nn.Module):
    def __init__(self, d_model, n_heads, ff_dim):
        super().__init__()
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.ff = nn.Sequential(nn.Linear(d_model, ff_dim), nn.ReLU(), nn.Linear(ff_dim, d_model))
        self.ln1 = nn.LayerNorm(d_model)
        self.ln2 = nn.LayerNorm(d_model)

    def forward(self, x):
        attn_out, _ = self.attn(x)
        x = self.ln1(x + attn_out)
        x = self.ln2(x + self.ff(x))
        return x

class TwoBlockTransformer(nn.Module):
    def __init__(self, d_model=64, n_heads=4, ff_dim=128):
        super().__init__()
        self.block1 = TransformerBlock(d_model, n_heads, ff_dim)
        self.block2 = TransformerBlock(d_model, n_heads, ff_dim)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x):
        x = self.block1(x)
        x = self.block2(x)
        return self.out(x)

def causal_mask(seq_len, device='cpu'):
    # True where attention is BLOCKED (upper triangle, excluding diagonal)
    mask = torch.triu(torch.ones(seq_len, seq_len, device=device), diagonal=1).bool()
    return mask

class CausalSelfAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.n_heads = n_heads
        self.d_head = d_model // n_heads
        self.W_qkv = nn.Linear(d_model, 3 * d_model)
        self.W_o = nn.Linear(d_model, d_model)
        self.scale = self.d_head ** 0.5

    def forward(self, x):
        B, T, D = x.shape
        qkv = self.W_qkv(x).chunk(3, dim=-1)
        Q, K, V = [t.view(B, T, self.n_heads, self.d_head).transpose(1, 2) for t in qkv]
        scores = Q @ K.transpose(-2, -1) / self.scale  # (B, H, T, T)
        mask = causal_mask(T, x.device)
        scores = scores.masked_fill(mask.unsqueeze(0).unsqueeze(0), float('-inf'))
        attn = F.softmax(scores, dim=-1)
        out = (attn @ V).transpose(1, 2).contiguous().view(B, T, D)
        return self.W_o(out), attn

class MiniTransformer(nn.Module):
    def __init__(self, vocab_size, d_model=32, n_heads=2, ff_dim=64, seq_len=4):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        self.pe = nn.Parameter(torch.randn(seq_len, d_model) * 0.01)
        self.block = TransformerBlock(d_model, n_heads, ff_dim)
        self.head = nn.Linear(d_model, vocab_size)

    def forward(self, x):
        x = self.embed(x) + self.pe
        x = self.block(x)
        return self.head(x)
