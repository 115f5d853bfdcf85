"""Reference data of the synthetic mutuelle (names, communes, acts of care).

The generator itself is ``confiance.generator``.
"""
