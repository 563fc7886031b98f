"""The category model: features, classifier, calibration, its seed training set and where the trained model is kept."""
