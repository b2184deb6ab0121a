from .sub import greet
NAME = 'pkgpy'
