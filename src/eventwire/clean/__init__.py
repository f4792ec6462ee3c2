"""clean stage: boilerplate removal and text decoding shared by every reader."""
from .boilerplate import Cleaned, Cut, appeal_score, block_kind, clean_text
from .encoding import Decoded, EncodingProblem, binary_kind, decode_bytes

__all__ = ["Cleaned", "Cut", "clean_text", "block_kind", "appeal_score", "Decoded",
           "EncodingProblem", "decode_bytes", "binary_kind"]
